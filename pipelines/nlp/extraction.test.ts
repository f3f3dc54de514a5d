import { describe, expect, it } from 'vitest';
import { extractValues, suggestByExtraction } from './extraction';
import type { NlpCode } from './types';

const values = (text: string, kind?: string) => extractValues(text).filter((x) => !kind || x.kind === kind).map((x) => x.value);

describe('structured extraction', () => {
	it('reads FIT scores written in the text, with a decimal comma, and ignores values off the 0-40 scale', () => {
		expect(values('ORS 18,5 og SRS: 37. CORS=25', 'fit')).toEqual([18.5, 37, 25]);
		expect(values('ORS 45 er ikke muligt', 'fit')).toEqual([]);
		expect(values('Resources 12', 'fit')).toEqual([]);
	});

	it('reads dates as ISO dates, without a year as --MM-DD, and rejects impossible dates', () => {
		expect(values('Møde 12.03.2024 og 1/2-24.', 'date')).toEqual(['2024-03-12', '2024-02-01']);
		expect(values('Samtale d. 3. marts og den 29. februar 2024.', 'date')).toEqual(['--03-03', '2024-02-29']);
		expect(values('Dato 31.02.2024.', 'date')).toEqual([]);
	});

	it('reads durations in days', () => {
		expect(values('Bevilget i 6 måneder.', 'duration')).toEqual([182.63]);
		expect(values('Forlænget i tre uger, derefter i alt 2 år.', 'duration')).toEqual([21, 730.5]);
	});

	it('reads decisions, and a negated grant as a refusal', () => {
		expect(values('Aflastning er bevilget.', 'decision')).toEqual(['bevilget']);
		const refused = extractValues('Aflastning er ikke bevilget.').find((x) => x.kind === 'decision')!;
		expect(refused).toMatchObject({ value: 'afslag', negated: true });
		expect(values('Sagen afsluttes, og der gives afslag.', 'decision').sort()).toEqual(['afslag', 'afsluttet']);
	});

	it('points FIT scores at fit_maaling when the project has it, else at the extraction pseudo-codebook; explanations quote the match only', () => {
		const fit: NlpCode = { id: '42', key: 'fit_maaling', codebook: 'artefacts', labelDa: 'FIT-måling', level: 'entry', keywords: ['fit'], patterns: [] };
		const text = 'Mor scorede ORS 18,5 i dag, d. 3. marts.';
		const out = suggestByExtraction(new Map([['fit_maaling', fit]]), { id: 'e', title: null, text });
		expect(out.map((s) => [s.codeId, s.codebook, s.explanation.matched, s.explanation.value])).toEqual([
			['42', 'artefacts', 'ORS 18,5', 18.5],
			['dato', 'extraction', 'd. 3. marts', '--03-03']
		]);
		expect(out[0]).toMatchObject({ start: 12, end: 20, suggester: 'extraction', model: 'extraction@1' });
	});
});
