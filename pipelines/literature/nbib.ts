// PubMed/MEDLINE text (.nbib, "PMID- 123"): records separated by blank lines, each a list of
// tags padded to four characters and "- ", continuation lines indented by six spaces.
// Hand-written: the one npm package for it (`nbib`, 2021, no types) keeps no line numbers.
import { clean, normaliseDoi, normaliseLanguage, normalisePmid, parseYear, referenceType } from './normalise';
import type { LiteratureProblem, LiteratureRecord, ParsedEntry, ParsedFile } from './types';

const TAG = /^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$/;
const CONTINUATION = /^ {2,}\S/;

interface Field {
	tag: string;
	value: string;
}

export function parseNbib(lines: string[]): ParsedFile {
	const entries: ParsedEntry[] = [];
	const problems: LiteratureProblem[] = [];
	let open: { line: number; fields: Field[]; problems: LiteratureProblem[] } | null = null;
	const close = () => {
		if (!open) return;
		if (!open.fields.some((f) => f.tag === 'PMID') && open.problems.length === 0) {
			open.problems.push({ line: open.line, reason: `the record starting at line ${open.line} has no PMID line` });
		}
		if (!open.fields.some((f) => f.tag === 'TI' || f.tag === 'BTI') && open.problems.length === 0) {
			open.problems.push({ line: open.line, reason: `the record starting at line ${open.line} has no title (TI) and seems cut short` });
		}
		entries.push({ line: open.line, record: open.problems.length ? null : mapNbib(open.fields), problems: open.problems });
		open = null;
	};
	for (let i = 0; i < lines.length; i++) {
		const lineNo = i + 1;
		const line = lines[i];
		if (line.trim() === '') {
			close();
			continue;
		}
		if (CONTINUATION.test(line)) {
			const last = open?.fields.at(-1);
			if (last) last.value = `${last.value} ${line.trim()}`;
			else problems.push({ line: lineNo, reason: 'an indented continuation line outside a record' });
			continue;
		}
		const tagged = TAG.exec(line);
		if (!tagged) {
			const target = open?.problems ?? problems;
			target.push({ line: lineNo, reason: `not a MEDLINE line (expected "TAG - value"): "${line.slice(0, 40)}"` });
			continue;
		}
		const [, tag, value] = tagged;
		if (tag === 'PMID' && open && open.fields.length > 0) close();
		open ??= { line: lineNo, fields: [], problems: [] };
		open.fields.push({ tag, value: value.trim() });
	}
	close();
	return { format: 'nbib', entries, problems };
}

function mapNbib(fields: Field[]): LiteratureRecord {
	const used = new Set<string>();
	const all = (tag: string) => {
		used.add(tag);
		return fields.filter((f) => f.tag === tag).map((f) => f.value.replace(/\s+/g, ' ').trim()).filter((v) => v !== '');
	};
	const one = (...tags: string[]) => {
		for (const t of tags) used.add(t);
		for (const t of tags) {
			const v = fields.find((f) => f.tag === t);
			if (v) return clean(v.value);
		}
		return null;
	};
	const fullNames = all('FAU');
	const shortNames = all('AU');
	const ids = [...all('LID'), ...all('AID')];
	const doi = normaliseDoi(ids.find((v) => /\[doi\]/.test(v)) ?? null);
	const types = all('PT');
	const type = types.map(referenceType).find((t) => t !== 'other') ?? (fields.some((f) => f.tag === 'BTI') ? 'book' : 'article');
	const extra: Record<string, string[]> = { format: ['nbib'] };
	if (types.length) extra.source_type = types;
	const record: LiteratureRecord = {
		type,
		title: one('TI', 'BTI'),
		abstract: one('AB'),
		authors: fullNames.length ? fullNames : shortNames,
		year: parseYear(one('DP', 'DEP', 'EDAT')),
		journal: one('JT', 'TA'),
		volume: one('VI'),
		issue: one('IP'),
		pages: one('PG'),
		doi,
		pmid: normalisePmid(one('PMID')),
		url: null,
		keywords: all('OT'),
		language: normaliseLanguage(one('LA')),
		extra
	};
	for (const f of fields) if (!used.has(f.tag)) (extra[f.tag] ??= []).push(f.value);
	// Kept for reference: the article ids other than the DOI (pii, pmc).
	if (ids.length) extra.AID = ids;
	if (shortNames.length && fullNames.length) extra.AU = shortNames;
	if (record.pmid) record.url = `https://pubmed.ncbi.nlm.nih.gov/${record.pmid}/`;
	return record;
}
