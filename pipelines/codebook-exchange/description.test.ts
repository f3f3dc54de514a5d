// The sections of a REFI-QDA Description: written readably, read back exactly, and
// tolerant of text another tool or an analyst added.
import { describe, expect, it } from 'vitest';
import { readDescription, writeDescription } from './description';
import type { ExchangeCode } from './types';

const code: ExchangeCode = {
	id: 'maalenighed',
	label: { da: 'Enighed om mål', en: 'Agreement on goals' },
	definition: { da: 'Parterne er enige om målet.', en: 'The parties agree on the goal.' },
	exclude: 'Enighed om opgaver (opgaveenighed).',
	keywords: ['enige om målet', 'fælles mål'],
	patterns: ['enige?\\s+om\\s+(?:målet|målene)'],
	examples: ['Mor og rådgiver er enige om målet.'],
	mapsFrom: ['SEL § 52, stk. 3, nr. 3'],
	paragraph: 'Barnets Lov § 32, stk. 1, nr. 5'
};

describe('writeDescription', () => {
	it('writes Danish sections an analyst can read', () => {
		expect(writeDescription(code, 'da')).toBe(
			[
				'Definition: Parterne er enige om målet.',
				'Definition (en): The parties agree on the goal.',
				'Udelad: Enighed om opgaver (opgaveenighed).',
				'Nøgleord: enige om målet | fælles mål',
				'Mønstre:',
				'- enige?\\s+om\\s+(?:målet|målene)',
				'Eksempler:',
				'- Mor og rådgiver er enige om målet.',
				'Tidligere betegnelser: SEL § 52, stk. 3, nr. 3',
				'Hjemmel: Barnets Lov § 32, stk. 1, nr. 5',
				'Betegnelse (en): Agreement on goals',
				'Id: maalenighed'
			].join('\n')
		);
	});

	it('writes English sections, and lists with "|" or line breaks as bullets', () => {
		const text = writeDescription({ ...code, keywords: ['a | b', 'c'], include: 'Linje et\nlinje to' }, 'en');
		expect(text).toContain('Include: Linje et\n  linje to\n');
		expect(text).toContain('Keywords:\n- a | b\n- c\n');
		expect(text).toContain('Label (da): Enighed om mål\nId: maalenighed');
	});
});

describe('readDescription', () => {
	it.each(['da', 'en'] as const)('reads back what writeDescription wrote (%s)', (lang) => {
		const read = readDescription(writeDescription(code, lang), lang === 'da' ? 'en' : 'da');
		const other = lang === 'da' ? 'en' : 'da';
		expect(read).toEqual({
			lang,
			id: 'maalenighed',
			label: { [other]: code.label[other] },
			definition: code.definition,
			include: undefined,
			exclude: code.exclude,
			keywords: code.keywords,
			patterns: code.patterns,
			examples: code.examples,
			mapsFrom: code.mapsFrom,
			paragraph: code.paragraph,
			unreadLines: []
		});
	});

	it('lists lines it does not understand and has no id for a plain memo', () => {
		const read = readDescription('Kode til samtaler i hjemmet.\nDefinition: hjemmebesøg\nSe også: rammer', 'da');
		expect(read).toMatchObject({ id: undefined, definition: { da: 'hjemmebesøg' }, unreadLines: [1, 3] });
	});
});
