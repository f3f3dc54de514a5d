// Every problem the codebook readers report on the sample files (and on a few broken
// files made here) has a Danish sentence: the import report never falls back to English.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCodebookCsv, fromQdc } from '../../../pipelines/codebook-exchange';
import { ImportFileError } from '../../../pipelines/import/types';
import { danishExchangeProblem, exchangeColumnText, exchangeProblemText } from './codebook-problems';

const SAMPLES = join(import.meta.dirname, '../../../fixtures/samples/codebooks');

/** The reasons a reader gives for a file: its problems, or the one reason it refuses the file for. */
function reasonsFor(read: () => { problems: { reason: string }[] }): string[] {
	try {
		return read().problems.map((p) => p.reason);
	} catch (error) {
		if (error instanceof ImportFileError) return [error.reason];
		throw error;
	}
}

const csv = (text: string) => reasonsFor(() => fromCodebookCsv(text, 'test.csv'));

describe('danishExchangeProblem', () => {
	it('translates every problem in the sample codebook files', () => {
		const reasons: string[] = [];
		for (const folder of readdirSync(SAMPLES)) {
			for (const file of readdirSync(join(SAMPLES, folder)).filter((f) => !f.endsWith('.json'))) {
				const text = readFileSync(join(SAMPLES, folder, file), 'utf8');
				reasons.push(...(file.endsWith('.csv') ? csv(text) : reasonsFor(() => fromQdc(text, file))));
			}
		}
		expect(reasons.length).toBeGreaterThan(10);
		expect(reasons.filter((reason) => danishExchangeProblem(reason) === null)).toEqual([]);
	});

	it('translates the problems of broken CSV files, keeping their values', () => {
		const reasons = [
			...csv(''),
			...csv('id;label_da;id\na;A;b\n'),
			...csv('label_da\nA\n'),
			...csv('id;label_da\na;"A\n'),
			...csv('id;parent_id;label_da\na;b;A\nb;a;B\nc;c;C\nd;;D;extra\n')
		];
		expect(reasons.filter((reason) => danishExchangeProblem(reason) === null)).toEqual([]);
		expect(reasons.map((r) => danishExchangeProblem(r)).join('\n')).toMatch(/parent_id danner en ring: a → b → a/);
	});

	it('keeps the quoted values in the Danish sentence', () => {
		expect(danishExchangeProblem('duplicate id "tryghed" (first on line 2)')).toBe('id «tryghed» findes allerede (første gang på linje 2)');
		expect(danishExchangeProblem('unknown parent "hobby"')).toBe('ukendt overordnet kode «hobby»');
		expect(danishExchangeProblem('something nobody wrote')).toBeNull();
	});
});

describe('exchangeProblemText', () => {
	it('shows Danish on the Danish page, the reader’s own words in English, and never English in Danish', () => {
		expect(exchangeProblemText('da', 'empty Danish label')).toBe('den danske betegnelse er tom');
		expect(exchangeProblemText('en', 'empty Danish label')).toBe('empty Danish label');
		expect(exchangeProblemText('da', 'something nobody wrote')).toBe('problem i filen (se linjen og feltet)');
		expect(exchangeColumnText('da', 'column 65')).toBe('kolonne 65');
		expect(exchangeColumnText('da', null)).toBe('–');
	});
});
