// The one wink-nlp instance of the process, with the English model shipped by the npm
// package wink-eng-lite-web-model (nothing is downloaded at run time). One instance only:
// the model's custom-entity meta model is re-serialised per instance and a second one
// can exhaust the string length limit.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A number, or a minus (a PUNCT token: the text's minus signs are normalised to "-"
 * first) and a number. wink's patterns have no optional tokens that work beside a
 * literal here, so the variants are spelt out. */
const SIGNED = ['[NUM]', '[PUNCT] [NUM]'];
const each = (build: (a: string, b: string) => string) => SIGNED.flatMap((a) => SIGNED.map((b) => build(a, b)));

/** Reported statistics, as token patterns (wink's custom entities). Numbers are NUM
 * tokens; a leading-dot decimal (".28") is masked as "028" before reading (statistics.ts). */
export const STATISTIC_PATTERNS = [
	{ name: 'r', patterns: SIGNED.map((x) => `[r] [=] ${x}`) },
	{ name: 'd', patterns: SIGNED.map((x) => `[d|g] [=] ${x}`) },
	{ name: 'or', patterns: ['[or] [=] [NUM]'] },
	{
		name: 'ci',
		patterns: [
			...each((a, b) => `[NUM] [%] [ci] [PUNCT] ${a} [PUNCT] ${b} [PUNCT]`),
			...each((a, b) => `[NUM] [%] [ci] [PUNCT] ${a} [to] ${b} [PUNCT]`),
			...each((a, b) => `[NUM] [%] [ci] ${a} [to] ${b}`),
			...each((a, b) => `[NUM] [%] [ci] [PUNCT] ${a} [to] ${b}`)
		]
	},
	{ name: 'n', patterns: ['[n] [=] [NUM]'] },
	{ name: 'k', patterns: ['[k] [=] [NUM]'] }
];

let instance: ReturnType<typeof winkNLP> | null = null;

export function englishNlp() {
	if (!instance) {
		instance = winkNLP(model);
		// useEntity off: numbers must stay NUM tokens, not be swapped for wink's CARDINAL entities.
		instance.learnCustomEntities(STATISTIC_PATTERNS, { matchValue: false, usePOS: true, useEntity: false });
	}
	return instance;
}
