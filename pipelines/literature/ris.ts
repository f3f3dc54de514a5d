// RIS and Web of Science (the "FN/PT ... ER/EF" dialect of RIS) to records. Hand-written:
// the RIS parser on npm (@citation-js/plugin-ris) converts to CSL-JSON, which keeps no line
// numbers, and so cannot report a record without ER by its line as this import must; the
// Web of Science dialect is not RIS to it either. Follows rispy's
// reading of the variants (../shared/corpora/ris-rispy/): text before the first TY (or
// between records) is ignored, "ER  -" may lack its trailing space, a line without a tag
// continues the previous field (a new item for list tags like AU, KW, N1, UR), empty tags
// are dropped, unknown tags are kept in `extra`.
import { clean, normaliseDoi, normaliseLanguage, normalisePmid, pageRange, parseYear, pmidFromUrl, referenceType } from './normalise';
import type { LiteratureProblem, LiteratureRecord, ParsedEntry, ParsedFile } from './types';

/** "TY  - JOUR", "ER  -", "SP  -", also with one space before the hyphen (some exporters). */
const RIS_TAG = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?\s*$/;
/** Web of Science: "PT J", "ER", "EF"; continuation lines start with three spaces. */
const WOS_TAG = /^([A-Z][A-Z0-9])(?: (.*))?$/;

/** Tags whose continuation lines (and repeats) are new items rather than more text. */
const RIS_LIST_TAGS = new Set(['A1', 'A2', 'A3', 'A4', 'AU', 'KW', 'N1', 'UR', 'L1', 'L2', 'L3', 'L4', 'SN']);
const WOS_LIST_TAGS = new Set(['AU', 'AF', 'BA', 'BF', 'CA', 'GP', 'ED', 'C1', 'CR', 'RI', 'OI']);

interface Field {
	tag: string;
	values: string[];
}

interface OpenRecord {
	line: number;
	fields: Field[];
	problems: LiteratureProblem[];
}

function addValue(record: OpenRecord, tag: string, value: string): void {
	const last = record.fields.at(-1);
	if (last?.tag === tag) last.values.push(value);
	else record.fields.push({ tag, values: [value] });
}

function continueValue(record: OpenRecord, text: string, listTags: Set<string>): void {
	const last = record.fields.at(-1);
	if (!last) return;
	if (listTags.has(last.tag)) last.values.push(text);
	else last.values[last.values.length - 1] = `${last.values.at(-1)} ${text}`.trim();
}

export function isWebOfScience(lines: string[]): boolean {
	const first = lines.find((l) => l.trim() !== '');
	return first !== undefined && (/^FN /.test(first) || /^PT [A-Z]\s*$/.test(first));
}

export function parseRis(lines: string[]): ParsedFile {
	const wos = isWebOfScience(lines);
	const entries: ParsedEntry[] = [];
	const problems: LiteratureProblem[] = [];
	let open: OpenRecord | null = null;
	const startTag = wos ? 'PT' : 'TY';
	const listTags = wos ? WOS_LIST_TAGS : RIS_LIST_TAGS;

	const close = (record: OpenRecord) => {
		const mapped = record.problems.length === 0 ? (wos ? mapWos(record.fields) : mapRis(record.fields)) : null;
		entries.push({ line: record.line, record: mapped, problems: record.problems });
	};

	for (let i = 0; i < lines.length; i++) {
		const lineNo = i + 1;
		const line = lines[i];
		const tagged = wos ? (/^ {3}/.test(line) ? null : WOS_TAG.exec(line.trimEnd())) : RIS_TAG.exec(line);
		if (!tagged) {
			// Text outside a record (a "1." numbering, an export's header) is not ours to judge.
			if (open && line.trim() !== '') continueValue(open, line.trim(), listTags);
			continue;
		}
		const tag = tagged[1];
		const value = (tagged[2] ?? '').trim();
		if (wos && (tag === 'FN' || tag === 'VR' || tag === 'EF') && !open) continue;
		if (tag === startTag) {
			if (open) {
				open.problems.push({ line: open.line, reason: `the record starting at line ${open.line} has no ER line before the next ${startTag} at line ${lineNo}` });
				close(open);
			}
			open = { line: lineNo, fields: [], problems: [] };
			if (value) addValue(open, tag, value);
			else open.problems.push({ line: lineNo, reason: `${tag} is empty: the record has no reference type` });
			continue;
		}
		if (tag === 'ER') {
			if (open) close(open);
			else problems.push({ line: lineNo, reason: `ER without a record: no ${startTag} line before it` });
			open = null;
			continue;
		}
		if (!open) {
			// A field outside any record: the record's TY line is missing. It is a broken record,
			// read up to its ER so the next record is read as usual.
			open = { line: lineNo, fields: [], problems: [{ line: lineNo, reason: `${tag} outside a record: no ${startTag} line before it` }] };
		}
		if (value === '') continue;
		if (!wos && tag === 'UR') {
			// rispy: several URLs on one UR line are separated by semicolons.
			for (const url of value.split(/;\s*/)) if (url) open.fields.push({ tag, values: [url] });
			continue;
		}
		addValue(open, tag, value);
	}
	if (open) {
		open.problems.push({
			line: open.line,
			reason: `the record starting at line ${open.line} is not terminated: no ER line before the end of the file (line ${lines.length})`
		});
		close(open);
	}
	return { format: wos ? 'wos' : 'ris', entries, problems };
}

/** All values of the tags, in the order of the file. */
function collect(fields: Field[], tags: string[], used: Set<string>): string[] {
	for (const t of tags) used.add(t);
	return fields.filter((f) => tags.includes(f.tag)).flatMap((f) => f.values);
}

/** The first value of the first tag (in the order given) that has one. */
function first(fields: Field[], tags: string[], used: Set<string>): string | null {
	for (const t of tags) used.add(t);
	for (const t of tags) {
		const field = fields.find((f) => f.tag === t);
		if (field) return clean(field.values.join(' '));
	}
	return null;
}

function extraOf(fields: Field[], used: Set<string>, format: string, sourceType: string | null): Record<string, string[]> {
	const extra: Record<string, string[]> = { format: [format] };
	if (sourceType) extra.source_type = [sourceType];
	for (const f of fields) if (!used.has(f.tag)) (extra[f.tag] ??= []).push(...f.values);
	return extra;
}

function mapRis(fields: Field[]): LiteratureRecord {
	const used = new Set<string>();
	const sourceType = first(fields, ['TY'], used);
	const urls = collect(fields, ['UR'], used);
	const dbName = fields.find((f) => f.tag === 'DB' || f.tag === 'DP')?.values.join(' ') ?? '';
	const accession = fields.find((f) => f.tag === 'AN')?.values[0] ?? null;
	const pmid =
		(/pubmed|medline/i.test(dbName) ? normalisePmid(accession) : null) ?? urls.map(pmidFromUrl).find((p) => p !== null) ?? null;
	if (pmid && accession && normalisePmid(accession) === pmid) used.add('AN');
	const doiField = first(fields, ['DO'], used);
	const doi = normaliseDoi(doiField) ?? urls.map((u) => (/doi\.org\//.test(u) ? normaliseDoi(u) : null)).find((d) => d !== null) ?? null;
	if (doiField && !normaliseDoi(doiField)) used.delete('DO');
	const yearText = first(fields, ['PY', 'Y1', 'DA', 'Y2'], new Set());
	const year = parseYear(yearText);
	if (year !== null) for (const t of ['PY', 'Y1']) used.add(t);
	const startPage = first(fields, ['SP'], used);
	const record: LiteratureRecord = {
		type: referenceType(sourceType),
		title: first(fields, ['TI', 'T1', 'CT', 'ST'], used),
		abstract: first(fields, ['AB', 'N2'], used),
		authors: collect(fields, ['AU', 'A1'], used).map((a) => clean(a)).filter((a): a is string => a !== null),
		year,
		journal: first(fields, ['JF', 'JO', 'T2', 'JA', 'J2', 'J1'], used),
		volume: first(fields, ['VL', 'VO'], used),
		issue: first(fields, ['IS', 'CP'], used),
		// An end page alone is not a page range: it stays in extra.EP.
		pages: startPage ? pageRange(startPage, first(fields, ['EP'], used)) : null,
		doi,
		pmid,
		url: urls[0] ?? null,
		keywords: collect(fields, ['KW'], used).map((k) => clean(k)).filter((k): k is string => k !== null),
		language: normaliseLanguage(first(fields, ['LA'], used)),
		extra: {}
	};
	record.extra = extraOf(fields, used, 'ris', sourceType);
	if (urls.length > 1) record.extra.UR = urls;
	return record;
}

function mapWos(fields: Field[]): LiteratureRecord {
	const used = new Set<string>();
	const sourceType = first(fields, ['PT'], used);
	const fullNames = collect(fields, ['AF'], used);
	const shortNames = collect(fields, ['AU'], used);
	const keywords = collect(fields, ['DE', 'ID'], used)
		.join('; ')
		.split(/;\s*/)
		.map((k) => clean(k))
		.filter((k): k is string => k !== null);
	const record: LiteratureRecord = {
		type: referenceType(sourceType),
		title: first(fields, ['TI'], used),
		abstract: first(fields, ['AB'], used),
		authors: (fullNames.length ? fullNames : shortNames).map((a) => clean(a)).filter((a): a is string => a !== null),
		year: parseYear(first(fields, ['PY', 'EA', 'PD'], used)),
		journal: first(fields, ['SO', 'JI', 'J9'], used),
		volume: first(fields, ['VL'], used),
		issue: first(fields, ['IS'], used),
		pages: pageRange(first(fields, ['BP'], used), first(fields, ['EP'], used)) ?? first(fields, ['AR'], used),
		doi: normaliseDoi(first(fields, ['DI'], used)),
		pmid: normalisePmid(first(fields, ['PM'], used)),
		url: null,
		keywords,
		language: normaliseLanguage(first(fields, ['LA'], used)),
		extra: {}
	};
	record.extra = extraOf(fields, used, 'wos', sourceType);
	return record;
}
