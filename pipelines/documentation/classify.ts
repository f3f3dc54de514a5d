// Gives a journal entry its artefact type (step 3): from the export's entry type when it
// names one, else by rules over the title and the opening of the text using the codebook's
// keywords and patterns. The analyst can always correct it; README.md says how it scores.
import { flattenCodes, type Codebook } from '../../codebooks/index';
import { shippedArtefactCodebook } from './artefacts';
import { buildEntryTypeTable, mapEntryType, type EntryTypeTable } from './entry-types';
import { compoundHeadMatcher, endOfFirstSentence, firstHit, keywordMatcher, openingOf, patternMatcher, type TextHit, type TextMatcher } from './text-match';

export interface ArtefactEntry {
	/** The export's entry type (Notattype), e.g. "Børnefaglig undersøgelse". */
	type?: string | null;
	/** Overskrift. */
	title?: string | null;
	text: string;
}

export interface ArtefactClassification {
	code: string | null;
	source: 'type' | 'rules' | null;
	/** 1 for a mapped entry type; in (0, 1) for rules; 0 when nothing matched. */
	score: number;
	/** Which keyword or pattern matched where; never quotes the entry's text (it may hold identifiers). */
	explanation: string;
}

/** Characters of the text the rules read: the opening says what a note is; later lines drift. */
export const TEXT_WINDOW = 300;
/** The generic type: chosen only when no specific type has evidence. */
export const GENERIC_ARTEFACT = 'journalnotat';

/**
 * What makes an entry "look like a note" when no specific type matched: the generic code's
 * own keywords and patterns, or one of these words anywhere in a compound (Danish puts the
 * head last: "netværksmøde", "telefonsamtale", "hjemmebesøg").
 */
export const NOTE_CUES = ['samtale', 'møde', 'besøg', 'telefon', 'ringer', 'ringede', 'opkald', 'talt med', 'orienter', 'drøft', 'referat', 'mail', 'sms', 'gåtur', 'walk and talk', 'notat'];

const WEIGHT = { pattern: 1.2, keyword: 1 } as const;
/** A title match counts three times a text match; one at the very start of the title once more. */
const TITLE_FACTOR = 3;
const TITLE_START_BONUS = 1;
/** A text match in the first sentence counts half again. */
const FIRST_SENTENCE_FACTOR = 1.5;
/** Further distinct matches for the same code add a quarter of their weight. */
const SUPPORT_FACTOR = 0.25;

interface CodeMatchers {
	id: string;
	matchers: TextMatcher[];
}

interface Evidence {
	id: string;
	weight: number;
	/** Found in the title or in the first sentence of the text, not only further down. */
	prominent: boolean;
	best: { hit: TextHit; where: 'title' | 'text' };
	/** Title index, or title length + text index: earlier wins ties. */
	position: number;
}

interface Classifier {
	types: EntryTypeTable;
	specific: CodeMatchers[];
	generic: CodeMatchers | null;
	noteCues: TextMatcher[];
}

const cache = new WeakMap<Codebook, Classifier>();

function classifierFor(codebook: Codebook): Classifier {
	let classifier = cache.get(codebook);
	if (!classifier) {
		const codes = [...flattenCodes(codebook)].map(({ code }) => ({
			id: code.id,
			matchers: [...(code.patterns ?? []).map(patternMatcher), ...code.keywords.map(keywordMatcher)]
		}));
		classifier = {
			types: buildEntryTypeTable(codebook),
			specific: codes.filter((c) => c.id !== GENERIC_ARTEFACT),
			generic: codes.find((c) => c.id === GENERIC_ARTEFACT) ?? null,
			noteCues: NOTE_CUES.map(compoundHeadMatcher)
		};
		cache.set(codebook, classifier);
	}
	return classifier;
}

function hitWeight(hit: TextHit, where: 'title' | 'text', firstSentenceEnd: number): number {
	const base = WEIGHT[hit.kind];
	if (where === 'title') return base * TITLE_FACTOR + (hit.index === 0 ? TITLE_START_BONUS : 0);
	return hit.index < firstSentenceEnd ? base * FIRST_SENTENCE_FACTOR : base;
}

/** Non-negated evidence for one code in the title and the opening text, or null; `negated` collects terms seen only under a negation. */
function evidenceFor(code: CodeMatchers, title: string, opening: string, firstSentenceEnd: number, negated?: Set<string>): Evidence | null {
	const scored: { hit: TextHit; where: 'title' | 'text'; weight: number; position: number }[] = [];
	for (const matcher of code.matchers) {
		for (const [where, text] of [['title', title], ['text', opening]] as const) {
			const hit = firstHit(matcher, text);
			if (hit?.negated && negated && ![...negated].some((n) => n.startsWith(`${code.id} `))) negated.add(`${code.id} ("${hit.term}" in ${where})`);
			if (!hit || hit.negated) continue;
			const position = where === 'title' ? hit.index : title.length + hit.index;
			scored.push({ hit, where, weight: hitWeight(hit, where, firstSentenceEnd), position });
		}
	}
	if (!scored.length) return null;
	scored.sort((a, b) => b.weight - a.weight || a.position - b.position);
	// A keyword and a pattern matching the same words are one piece of evidence.
	const [best, ...rest] = scored.filter((s, i) => scored.findIndex((t) => t.position === s.position) === i);
	const weight = best.weight + SUPPORT_FACTOR * rest.reduce((sum, s) => sum + s.weight, 0);
	const prominent = scored.some((s) => s.where === 'title' || s.hit.index < firstSentenceEnd);
	return { id: code.id, weight, prominent, best: { hit: best.hit, where: best.where }, position: Math.min(...scored.map((s) => s.position)) };
}

/** The text names a note (the generic code's keywords or patterns, or a note cue). */
function looksLikeNote(classifier: Classifier, text: string): boolean {
	const matchers = [...(classifier.generic?.matchers ?? []), ...classifier.noteCues];
	return matchers.some((matcher) => {
		const hit = firstHit(matcher, text);
		return hit !== null && !hit.negated;
	});
}

function describe(evidence: Evidence): string {
	const { hit, where } = evidence.best;
	return `${hit.kind} "${hit.term}" in ${where}${where === 'title' && hit.index === 0 ? ' (at the start)' : ''}`;
}

/** Confidence from the winner's weight and its margin over the runner-up, kept inside (0, 1). */
function confidence(weight: number, runnerUp: number): number {
	const strength = weight / (weight + 1.5);
	const margin = weight / (weight + runnerUp);
	return Math.round(Math.min(0.95, Math.max(0.05, strength * margin)) * 100) / 100;
}

function byRules(classifier: Classifier, entry: ArtefactEntry, prefix: string): ArtefactClassification {
	const title = (entry.title ?? '').trim();
	const opening = openingOf(entry.text ?? '', TEXT_WINDOW);
	const firstSentenceEnd = endOfFirstSentence(opening);
	// A note's title or first sentence outweighs passing mentions further down its text.
	const noteLike = looksLikeNote(classifier, title) || looksLikeNote(classifier, opening.slice(0, firstSentenceEnd));

	const negated = new Set<string>();
	const all = classifier.specific
		.map((code) => evidenceFor(code, title, opening, firstSentenceEnd, negated))
		.filter((e): e is Evidence => e !== null);
	const found = all.filter((e) => e.prominent || !noteLike).sort((a, b) => b.weight - a.weight || a.position - b.position);
	const passing = all.filter((e) => !found.includes(e)).map((e) => e.id);
	const notes = [
		...(negated.size ? [`negated: ${[...negated].join(', ')}`] : []),
		...(passing.length ? [`passing mention further down ignored: ${passing.join(', ')}`] : [])
	].map((note) => `; ${note}`).join('');
	if (found.length) {
		const [winner, runnerUp] = found;
		const also = runnerUp ? `; runner-up ${runnerUp.id} (${describe(runnerUp)})` : '';
		return { code: winner.id, source: 'rules', score: confidence(winner.weight, runnerUp?.weight ?? 0), explanation: `${prefix}${describe(winner)}${also}${notes}` };
	}
	if (classifier.generic) {
		const own = evidenceFor(classifier.generic, title, opening, firstSentenceEnd);
		if (own) return { code: GENERIC_ARTEFACT, source: 'rules', score: 0.4, explanation: `${prefix}no specific type; a note by ${describe(own)}${notes}` };
		const cue = evidenceFor({ id: GENERIC_ARTEFACT, matchers: classifier.noteCues }, title, opening, firstSentenceEnd);
		if (cue) return { code: GENERIC_ARTEFACT, source: 'rules', score: 0.25, explanation: `${prefix}no specific type; looks like a note (cue "${cue.best.hit.term}" in ${cue.best.where})${notes}` };
	}
	return { code: null, source: null, score: 0, explanation: `${prefix}no keyword or pattern of any artefact type (outside a negation) in the title or the first ${TEXT_WINDOW} characters${notes}` };
}

/**
 * The artefact type of a journal entry: the mapped entry type (source 'type', score 1), else
 * the best-supported code by the codebook's keywords and patterns (source 'rules'), else null.
 */
export function classifyArtefact(entry: ArtefactEntry, codebook: Codebook = shippedArtefactCodebook()): ArtefactClassification {
	const classifier = classifierFor(codebook);
	const type = entry.type?.trim();
	if (type) {
		const code = mapEntryType(type, classifier.types);
		const label = type.length > 40 ? `${type.slice(0, 40)}…` : type;
		if (code) return { code, source: 'type', score: 1, explanation: `entry type "${label}" maps to ${code}` };
		return byRules(classifier, entry, `entry type "${label}" not recognised; `);
	}
	return byRules(classifier, entry, '');
}
