// Maps FHIR R4 resources to journal rows (case_id, date, title, text).
//
//   column   DocumentReference                 Composition              Observation
//   case_id  the case (see below)              the case                 the case
//   date     date, context.period.start        date                     effectiveDateTime, effectivePeriod.start,
//                                                                       effectiveInstant, issued
//   title    description, type.text/display,   title, type.text/display code.text, code.coding[0].display
//            content[0].attachment.title
//   text     content[].attachment.data         section[].title + text   valueString / valueCodeableConcept /
//            (base64; text/plain or text/html),(recursively), else      valueQuantity "23.5 point", note[].text,
//            else text.div                     text.div                 else text.div
//
// The case: the EpisodeOfCare the resource points to (directly or through its Encounter),
// by its identifier, else its id; else the subject's one EpisodeOfCare in the bundle (when
// there is exactly one); else the subject, by a logical identifier on the reference, the
// subject resource's identifier, else the reference's id. A value that is, or is labelled
// as, a CPR number is never used (the citizen's Patient often carries one). Dates keep the
// calendar day as written ("2020-01-05T23:30:00+01:00" is 2020-01-05, not converted to UTC).
// HTML is reduced to text. Resources with status entered-in-error are left out.

import iconv from 'iconv-lite';
import { htmlToText } from './html-text';

export type Resource = Record<string, any>;

export interface JournalFields {
	caseId: string;
	date: string;
	title: string;
	text: string;
}

export const JOURNAL_RESOURCE_TYPES = new Set(['DocumentReference', 'Composition', 'Observation']);

export interface Resolve {
	(reference: unknown): Resource | undefined;
	/** The bundle's EpisodeOfCare resources whose patient is `subject`. */
	episodesOf?: (subject: Resource) => Resource[];
}

const CPR_SYSTEM = /cpr|1\.2\.208\.176\.1\.2/i;
const CPR_SHAPE = /^\d{6}[- ]?\d{4}$/;
const READABLE_TYPES = /^(text\/plain|text\/html|application\/xhtml\+xml)\b/i;

/** Journal fields of one resource, or an error reason (an attachment that cannot be read). */
export function journalFields(resource: Resource, resolve: Resolve): JournalFields | { error: string } {
	const type = resource.resourceType as string;
	const text = type === 'DocumentReference' ? documentText(resource) : type === 'Composition' ? compositionText(resource) : observationText(resource);
	if (typeof text !== 'string') return text;
	return { caseId: caseId(resource, resolve), date: dateOf(resource), title: titleOf(resource), text };
}

function caseId(resource: Resource, resolve: Resolve): string {
	const episodesOf = resolve.episodesOf ?? (() => []);
	const encounters = resource.resourceType === 'DocumentReference' ? (resource.context?.encounter ?? []) : [resource.encounter];
	for (const ref of list(encounters)) {
		const target = resolve(ref);
		const episodeRef = target?.resourceType === 'Encounter' ? list(target.episodeOfCare)[0] : ref;
		if (!isReferenceTo(episodeRef, 'EpisodeOfCare', resolve)) continue;
		const episode = resolve(episodeRef);
		const id = usableIdentifier(episodeRef?.identifier) ?? usableIdentifier(episode?.identifier) ?? usableId(episode?.id ?? referenceId(episodeRef));
		if (id) return id;
	}
	const subject = resource.subject;
	const target = resolve(subject);
	const onlyEpisode = target ? episodesOf(target) : [];
	if (onlyEpisode.length === 1) {
		const id = usableIdentifier(onlyEpisode[0].identifier) ?? usableId(onlyEpisode[0].id);
		if (id) return id;
	}
	return usableIdentifier(subject?.identifier) ?? usableIdentifier(target?.identifier) ?? usableId(target?.id ?? referenceId(subject)) ?? '';
}

function isReferenceTo(ref: any, type: string, resolve: Resolve): boolean {
	if (!ref) return false;
	return resolve(ref)?.resourceType === type || ref.type === type || (typeof ref.reference === 'string' && new RegExp(`(^|/)${type}/`).test(ref.reference));
}

function usableIdentifier(identifiers: unknown): string | undefined {
	for (const id of list(identifiers)) {
		if (typeof id?.value !== 'string' || (typeof id.system === 'string' && CPR_SYSTEM.test(id.system))) continue;
		const value = usableId(id.value);
		if (value) return value;
	}
	return undefined;
}

const usableId = (value: unknown) => (typeof value === 'string' && value.trim() && !CPR_SHAPE.test(value.trim()) ? value.trim() : undefined);

function referenceId(ref: any): string | undefined {
	const reference: unknown = ref?.reference;
	if (typeof reference !== 'string') return undefined;
	return reference.replace(/\/_history\/.*$/, '').split(/[/:]/).pop();
}

function dateOf(r: Resource): string {
	const raw =
		r.resourceType === 'Observation'
			? (r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.effectiveInstant ?? r.issued)
			: (r.date ?? r.context?.period?.start);
	if (typeof raw !== 'string') return '';
	return /^\d{4}-\d{2}-\d{2}/.exec(raw)?.[0] ?? raw;
}

function titleOf(r: Resource): string {
	const concept = r.resourceType === 'Observation' ? r.code : r.type;
	const candidates = [r.resourceType === 'Composition' ? r.title : r.description, concept?.text, list(concept?.coding)[0]?.display];
	if (r.resourceType === 'DocumentReference') candidates.push(list(r.content)[0]?.attachment?.title);
	return candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '')?.trim() ?? '';
}

function documentText(r: Resource): string | { error: string } {
	const texts: string[] = [];
	const unreadable: string[] = [];
	for (const content of list(r.content)) {
		const attachment = content?.attachment;
		if (typeof attachment?.data !== 'string') continue;
		const declared: unknown = attachment.contentType ?? 'text/plain';
		const contentType = typeof declared === 'string' ? declared : 'unknown';
		if (!READABLE_TYPES.test(contentType)) {
			unreadable.push(contentType);
			continue;
		}
		const bytes = Buffer.from(attachment.data, 'base64');
		const charset = /charset=([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
		const decoded = iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
		texts.push(/html/i.test(contentType) ? htmlToText(decoded) : decoded.replace(/\r\n?/g, '\n').trim());
	}
	if (texts.length > 0) return texts.join('\n\n');
	const narrative = narrativeText(r);
	if (narrative || unreadable.length === 0) return narrative;
	return { error: `attachment of type ${unreadable[0]} is not read (only text/plain and text/html) and there is no narrative text` };
}

function compositionText(r: Resource): string {
	// Sections in document order (each before its subsections), walked with a stack rather
	// than recursion: a hostile bundle can nest sections deeper than the call stack goes.
	const texts: string[] = [];
	const pending: any[] = [];
	const readNext = (sections: unknown) => {
		const items = list(sections);
		for (let k = items.length - 1; k >= 0; k--) pending.push(items[k]);
	};
	readNext(r.section);
	while (pending.length > 0) {
		const s = pending.pop();
		const own = [s?.title, narrativeText(s)].filter((t): t is string => typeof t === 'string' && t !== '').join('\n');
		if (own !== '') texts.push(own);
		readNext(s?.section);
	}
	return texts.join('\n\n') || narrativeText(r);
}

function observationText(r: Resource): string {
	const q = r.valueQuantity;
	const scalar = r.valueInteger ?? r.valueBoolean;
	const value =
		r.valueString ??
		r.valueCodeableConcept?.text ??
		list(r.valueCodeableConcept?.coding)[0]?.display ??
		(q?.value !== undefined ? [q.value, q.unit].filter(isScalar).join(' ') : undefined) ??
		(isScalar(scalar) ? String(scalar) : undefined);
	const notes = list(r.note).map((n: any) => n?.text).filter((t): t is string => typeof t === 'string');
	const text = [value, ...notes].filter((t): t is string => typeof t === 'string' && t !== '').join('\n');
	return text || narrativeText(r);
}

// Only these are turned into text: a JSON object with a "toString" key throws when coerced.
const isScalar = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);

const narrativeText = (r: any): string => (typeof r?.text?.div === 'string' ? htmlToText(r.text.div) : '');

function list(value: unknown): any[] {
	return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}
