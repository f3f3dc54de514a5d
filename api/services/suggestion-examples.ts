// Labelled examples from people's decisions, for the learned classifier and for the
// evaluation: a pure function over rows the services read. What a person coded is a
// positive; a suggestion they rejected is a negative; and in an entry they coded with a
// codebook's codes, every sentence not coded with one of that codebook's codes is a
// negative for it (they read the entry and did not mark it), as the engine expects
// (pipelines/nlp/types.ts LabelledExample).
import { splitSentences, type LabelledExample, type NlpCode } from '../../pipelines/nlp/index';

export interface CodedSpan {
	codeId: string;
	caseId: string;
	entryId: string;
	start: number | null;
	end: number | null;
	at: Date;
}

export interface TimedExample extends LabelledExample {
	caseId: string;
	entryId: string;
	/** A person's decision (a coding or a rejection), or an uncoded sentence of an entry they coded. */
	kind: 'decision' | 'context';
	/** When the decision was made; for context, when the entry was first coded. */
	at: Date;
}

const overlaps = (a: { start: number; end: number }, b: { start: number | null; end: number | null }) =>
	b.start === null || b.end === null || (a.start < b.end && b.start < a.end);

export function examplesFrom(input: { codes: NlpCode[]; texts: Map<string, string>; codings: CodedSpan[]; rejections: CodedSpan[] }): TimedExample[] {
	const codeById = new Map(input.codes.map((c) => [c.id, c]));
	const out: TimedExample[] = [];
	const slice = (s: CodedSpan) => {
		const text = input.texts.get(s.entryId) ?? '';
		return s.start === null || s.end === null ? text : text.slice(s.start, s.end);
	};
	const byEntry = new Map<string, CodedSpan[]>();
	for (const c of input.codings) {
		out.push({ codeId: c.codeId, text: slice(c), positive: true, caseId: c.caseId, entryId: c.entryId, kind: 'decision', at: c.at });
		const list = byEntry.get(c.entryId);
		if (list) list.push(c);
		else byEntry.set(c.entryId, [c]);
	}
	for (const r of input.rejections) out.push({ codeId: r.codeId, text: slice(r), positive: false, caseId: r.caseId, entryId: r.entryId, kind: 'decision', at: r.at });
	for (const [entryId, spans] of byEntry) {
		const text = input.texts.get(entryId) ?? '';
		const books = new Set(spans.map((s) => codeById.get(s.codeId)).filter((c) => c && c.level === 'segment').map((c) => c!.codebook));
		if (!books.size) continue;
		const at = new Date(Math.min(...spans.map((s) => s.at.getTime())));
		const sentences = splitSentences(text);
		for (const code of input.codes) {
			if (code.level !== 'segment' || !books.has(code.codebook)) continue;
			const mine = spans.filter((s) => s.codeId === code.id);
			for (const sentence of sentences) {
				if (mine.some((s) => overlaps(sentence, s))) continue;
				out.push({ codeId: code.id, text: text.slice(sentence.start, sentence.end), positive: false, caseId: spans[0].caseId, entryId, kind: 'context', at });
			}
		}
	}
	return out;
}
