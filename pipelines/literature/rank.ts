/// <reference path="./snowball-stemmers.d.ts" />
// BM25 ranking of references against a query (the local finding's description), with
// wink-nlp's BM25 vectorizer. English text: wink's tokens, stop words out, wink's stems.
// Danish text: letters-only words, Danish stop words out, the Snowball Danish stemmer.
// The query is read both ways, so a Danish description finds English abstracts by the
// words the languages share (FIT, ORS, alliance) and Danish ones by their stems.
import bm25Vectorizer from 'wink-nlp/utilities/bm25-vectorizer';
import snowball from 'snowball-stemmers';
import { detectLanguage } from './language';
import { englishNlp } from './nlp';

const danishStemmer = snowball.newStemmer('danish');

/** Snowball's Danish stop word list (the short form): words that rank nothing. */
const DANISH_STOP = new Set(
	('og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad ' +
		'skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod ' +
		'disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan').split(' ')
);

export function danishTerms(text: string): string[] {
	return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length > 1 && !DANISH_STOP.has(w)).map((w) => danishStemmer.stem(w));
}

export function englishTerms(text: string): string[] {
	const nlp = englishNlp();
	const its = nlp.its;
	return nlp
		.readDoc(text)
		.tokens()
		.filter((t: { out: (f: unknown) => unknown }) => t.out(its.type) === 'word' && !t.out(its.stopWordFlag))
		.out(its.stem as never) as string[];
}

export interface RankInput {
	id: string;
	text: string;
	language?: string | null;
}

export interface Ranked {
	id: string;
	score: number;
	/** The query terms the reference matched (stems). */
	matched: string[];
}

/** References best first; a reference that matches no query term scores 0 and keeps its
 * place among the others (stable order). */
export function rankByBm25(query: string, docs: RankInput[]): Ranked[] {
	if (docs.length === 0) return [];
	const vectorizer = bm25Vectorizer();
	const its = englishNlp().its;
	for (const doc of docs) {
		const terms = detectLanguage(doc.text, doc.language) === 'da' ? danishTerms(doc.text) : englishTerms(doc.text);
		vectorizer.learn(terms);
	}
	const bows = vectorizer.out(its.docBOWArray) as unknown as Record<string, number>[];
	const queryTerms = [...new Set([...englishTerms(query), ...danishTerms(query)])];
	return docs
		.map((doc, i) => {
			const matched = queryTerms.filter((t) => bows[i][t] !== undefined);
			return { id: doc.id, score: matched.reduce((sum, t) => sum + bows[i][t], 0), matched, order: i };
		})
		.sort((a, b) => b.score - a.score || a.order - b.order)
		.map(({ id, score, matched }) => ({ id, score, matched }));
}
