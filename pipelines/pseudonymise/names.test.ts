import { describe, expect, it } from 'vitest';
import { FIRST_NAMES, SURNAMES_SET } from './names-da';
import { findNames } from './names';

const names = (text: string) => findNames(text).map((m) => m.value);

describe('the gazetteer', () => {
	it('holds about 300 first names and 150 surnames, with immigrant names', () => {
		expect(FIRST_NAMES.size).toBeGreaterThanOrEqual(300);
		expect(SURNAMES_SET.size).toBeGreaterThanOrEqual(150);
		for (const name of ['Mohammad', 'Ahmad', 'Ali', 'Fatima', 'Hassan', 'Søren', 'Åse', 'Jørgen', 'Lærke']) {
			expect(FIRST_NAMES.has(name), name).toBe(true);
		}
		for (const name of ['Jensen', 'Nielsen', 'Sørensen', 'Jørgensen', 'Møller', 'Østergaard']) {
			expect(SURNAMES_SET.has(name), name).toBe(true);
		}
	});
});

describe('findNames', () => {
	it('finds first names with surnames, Danish letters included', () => {
		expect(names('Lone Hansen, Vestergade 12, 1. tv., 8000 Aarhus C')).toEqual(['Lone Hansen']);
		expect(names('Søren Østergaard og Åse Møller deltog i mødet.')).toEqual(['Søren Østergaard', 'Åse Møller']);
		expect(names('Anne-Marie Holm-Nielsen ringede.')).toEqual(['Anne-Marie Holm-Nielsen']);
		expect(names('Mohammad og Fatima Ali var mødt op med tolk.')).toEqual(['Mohammad', 'Fatima Ali']);
	});

	it('runs on over unknown surnames, -sen words and middle initials', () => {
		expect(names('Lone Kjærgaard kom til mødet.')).toEqual(['Lone Kjærgaard']);
		expect(names('Vi talte med Kim Bækgaardsen om planen.')).toEqual(['Kim Bækgaardsen']);
		expect(names('Referat ved Lone K. Hansen.')).toEqual(['Lone K. Hansen']);
		expect(names('Vi talte med Frandsen og Bækgaardsen.')).toEqual(['Frandsen', 'Bækgaardsen']);
	});

	it('takes the name after a role word, outside the gazetteer too', () => {
		expect(names('Samtale med mor Lone og far Kim.')).toEqual(['Lone', 'Kim']);
		expect(names('Sagsbehandler Mette Holm deltog.')).toEqual(['Mette Holm']);
		expect(names('Plejemor Xenia Brask ringede. Hr. Abildskov kom også.')).toEqual(['Xenia Brask', 'Abildskov']);
		expect(names('Navn: Tove Ravn')).toEqual(['Tove Ravn']);
		expect(names('Mor Lone ringede i morges.')).toEqual(['Lone']);
	});

	it('leaves a genitive s outside the name', () => {
		const text = 'Lones mor og Kims lærer talte med Lone Hansens far.';
		expect(names(text)).toEqual(['Lone', 'Kim', 'Lone Hansen']);
		const [first] = findNames(text);
		expect(text.slice(first.end, first.end + 1)).toBe('s');
	});

	it('does not take ordinary capitalised words at the start of a sentence for names', () => {
		expect(names('Mor ringede. Far var vred. Skolen melder fravær. Barnet græd. Familien er flyttet.')).toEqual([]);
		expect(names('Krisen er ovre. Horsens Kommune har bevilget støtten. Aarhus Kommune er orienteret.')).toEqual([]);
		expect(names('Mødet blev aflyst.\nSamtale med mor. Skolen deltog.')).toEqual([]);
	});

	it('reads names that are also Danish words from context', () => {
		// At the start of a sentence "Bo", "Hans", "Per" and "Tage" are names only before a
		// verb or another name; in mid-sentence, capitalised, they are names.
		expect(names('Bo ringede i går.')).toEqual(['Bo']);
		expect(names('Hans Jensen kom. Hans mor er syg.')).toEqual(['Hans Jensen']);
		expect(names('Per telefon blev det aftalt. Tage hensyn til barnet.')).toEqual([]);
		expect(names('Vi talte med Bo og Per om skolen.')).toEqual(['Bo', 'Per']);
		expect(names('Bo og Lone kom sammen.')).toEqual(['Bo', 'Lone']);
	});

	it('accepts the documented trade-off: a word-like name opening a sentence without a verb is missed', () => {
		expect(names('Bo hos far i weekenden.')).toEqual([]);
	});

	it('reports offsets into the text', () => {
		const text = 'Samtale med sagsbehandler Mette Holm og pædagog Ida.';
		for (const m of findNames(text)) expect(text.slice(m.start, m.end)).toBe(m.value);
	});
});
