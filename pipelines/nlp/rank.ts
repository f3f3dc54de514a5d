// Active learning by uncertainty sampling: the sentences (segment codes) and entries (entry
// codes) whose classifier score is closest to 0.5 are the ones a label teaches most. With
// no trained model for a code yet, the codebook rules stand in: a rule hit's score is
// treated as the probability, so the first questions are about the sentences the rules
// half-believe, and every sentence the rules do not touch waits with probability 0.
import { analyse } from './text';
import { featureHashes } from './features';
import { jointLogOdds, jointScorer, sentenceRanges, sigmoid, type NlpModel } from './classifier';
import { compileRules, suggestByRules } from './rules';
import type { NlpCode, NlpEntry } from './types';

export interface LabellingCandidate {
	entryId: string;
	codeId: string;
	start: number | null;
	end: number | null;
	/** The current belief that the code applies, 0..1. */
	score: number;
	/** 1 - |2 score - 1|: 1 = no idea, 0 = certain. */
	uncertainty: number;
}

/**
 * The `limit` most uncertain (entry, code, span) triples, least sure first; at most one
 * code per sentence (the most uncertain), so one question is not asked twice. Ties go to
 * the earlier entry and offset, so the order is stable.
 */
export function rankForLabelling(entries: NlpEntry[], codes: NlpCode[], model: NlpModel | null, limit: number): LabellingCandidate[] {
	if (limit <= 0) return [];
	const segmentCodes = codes.filter((c) => c.codebook !== 'artefacts');
	const joint = model ? jointScorer(model, segmentCodes) : null;
	const trained = new Set((joint?.codes ?? []).map((c) => c.id));
	const untrained = segmentCodes.filter((c) => !trained.has(c.id));
	const logOdds = new Float64Array(trained.size);
	const rules = untrained.length ? compileRules(untrained) : null;
	const best: (LabellingCandidate & { order: number })[] = [];
	let order = 0;
	const offer = (c: LabellingCandidate) => {
		best.push({ ...c, order: order++ });
		// Keep the list bounded: sort and cut when it has doubled.
		if (best.length >= limit * 2 + 64) trim();
	};
	const trim = () => {
		best.sort((a, b) => b.uncertainty - a.uncertainty || a.order - b.order);
		best.length = Math.min(best.length, limit);
	};
	for (const entry of entries) {
		const doc = analyse(entry.text ?? '');
		const perSentence = new Map<number, LabellingCandidate>();
		const consider = (i: number, c: LabellingCandidate) => {
			const seen = perSentence.get(i);
			if (!seen || c.uncertainty > seen.uncertainty) perSentence.set(i, c);
		};
		if (joint && trained.size) {
			sentenceRanges(doc).forEach(([from, to], i) => {
				if (from === to) return;
				jointLogOdds(joint, featureHashes(doc.tokens, from, to), logOdds);
				const s = doc.sentences[i];
				joint.codes.forEach((code, c) => {
					const p = sigmoid(logOdds[c]);
					consider(i, { entryId: entry.id, codeId: code.id, start: s.start, end: s.end, score: round(p), uncertainty: round(1 - Math.abs(2 * p - 1)) });
				});
			});
		}
		if (rules) {
			for (const sug of suggestByRules(rules, entry, doc)) {
				const i = doc.sentences.findIndex((s) => s.start === sug.start);
				consider(i, { entryId: entry.id, codeId: sug.codeId, start: sug.start, end: sug.end, score: sug.score, uncertainty: round(1 - Math.abs(2 * sug.score - 1)) });
			}
		}
		for (const c of perSentence.values()) offer(c);
	}
	trim();
	return best.map(({ order: _order, ...c }) => c);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
