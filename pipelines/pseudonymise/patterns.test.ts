import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findAddresses, findEmails, findPhoneNumbers, findPostcodes, hasSuffixBeforeNumber } from './patterns';

const phones = (text: string) => findPhoneNumbers(text).map((m) => m.value);
const emails = (text: string) => findEmails(text).map((m) => m.value);
const addresses = (text: string) => findAddresses(text).map((m) => m.value);
const postcodes = (text: string) => findPostcodes(text).map((m) => m.value);

describe('findPhoneNumbers', () => {
	it('finds the written forms of a Danish number', () => {
		expect(phones('Mor ringede fra 23 45 67 89.')).toEqual(['23 45 67 89']);
		expect(phones('Fars mobil: 20304050, arbejde 8612 3456')).toEqual(['20304050', '8612 3456']);
		expect(phones('tlf. +45 12345678 eller (+45) 1234 5678 eller 0045 87654321')).toEqual([
			'+45 12345678',
			'(+45) 1234 5678',
			'0045 87654321'
		]);
		expect(phones('Skolen: 86-12-34-56 / 86.12.34.56')).toEqual(['86-12-34-56', '86.12.34.56']);
	});

	it('rates a labelled, prefixed or paired number high and a bare one medium', () => {
		const [bare] = findPhoneNumbers('nummeret 20304050 blev noteret');
		const [labelled] = findPhoneNumbers('tlf.nr. 20304050');
		const [paired] = findPhoneNumbers('på 20 30 40 50');
		expect([bare.confidence, labelled.confidence, paired.confidence]).toEqual(['medium', 'high', 'high']);
	});

	it('leaves longer digit runs, case numbers and CPR numbers alone', () => {
		expect(phones('kontonr. 1234567890123')).toEqual([]);
		expect(phones('Sagsnr. 2019-0012345 og 2019-00123456')).toEqual([]);
		expect(phones('CPR 120385-1234 og 1203851234')).toEqual([]);
		expect(phones('123456789 og 1234567')).toEqual([]);
		expect(phones('Mødet 12-03-2019 kl. 10.30-12.00')).toEqual([]);
	});
});

describe('findEmails', () => {
	it('finds addresses, Danish letters and plus tags included', () => {
		expect(emails('Skriv til lone.hansen@aarhus.dk eller søren_b+fam@gmail.com.')).toEqual([
			'lone.hansen@aarhus.dk',
			'søren_b+fam@gmail.com'
		]);
		expect(emails('Mails fra (mette@kk.dk) og ÅSE@post.tele.dk')).toEqual(['mette@kk.dk', 'ÅSE@post.tele.dk']);
	});

	it('does not take a bare @ or a handle for an address', () => {
		expect(emails('Mødet @ skolen, og @lone på Instagram')).toEqual([]);
	});
});

describe('findAddresses', () => {
	it('looks for addresses exactly where a street suffix stands before spaces and a digit', () => {
		// The pre-check must say yes wherever the plain pattern it replaced matched.
		const suffixes = 'vej|vejen|gade|gaden|allé|alle|vænget|stræde|strædet|plads|pladsen|parken|park|have|haven|torv|torvet|boulevard|boulevarden|bakke|bakken|høj|højen|toften|toft|stien|sti|vang|vangen|engen|lunden|marken|kæret|vænge';
		const plain = new RegExp(`(?:${suffixes})[ \u00A0]+\\d`, 'i');
		const parts = fc.constantFrom('Vej', 'vej', 'GADE', 'Allé', 'ALLÉ', 'alle', 'høj', 'HØJ', 'boulevarden', 'sti', 'en', 'x', ' ', ' ', '\u00A0', '\n', '1', '12', '-', '.', ',');
		fc.assert(
			fc.property(fc.array(parts, { maxLength: 12 }).map((a) => a.join('')), (text) => {
				expect(hasSuffixBeforeNumber(text)).toBe(plain.test(text));
			}),
			{ numRuns: 5000 }
		);
		expect(hasSuffixBeforeNumber('Nørrebrogade  12')).toBe(true);
		expect(hasSuffixBeforeNumber('Mødet d. 12. maj på vejen hjem')).toBe(false);
	});

	it('finds street, number, floor and side, postcode and town', () => {
		expect(addresses('Lone Hansen, Vestergade 12, 1. tv., 8000 Aarhus C')).toEqual(['Vestergade 12, 1. tv., 8000 Aarhus C']);
		expect(addresses('Familien bor på Nørrebrogade 12, 2. th. i en toværelses.')).toEqual(['Nørrebrogade 12, 2. th.']);
		expect(addresses('Ny adresse: Vestergade 3B.')).toEqual(['Vestergade 3B']);
		expect(addresses('Flyttet til Lindevænget 14, 5000 Odense C pr. 1. maj.')).toEqual(['Lindevænget 14, 5000 Odense C']);
		expect(addresses('Mødet holdes på Åbyhøj Torv 5, st.')).toEqual(['Åbyhøj Torv 5, st.']);
	});

	it('finds many suffixes and multi-word street names', () => {
		for (const street of [
			'Roskildevej 112',
			'Gammel Kongevej 5A',
			'Frederiksberg Allé 4, st. tv.',
			'H.C. Andersens Boulevard 27',
			'Sankt Annæ Plads 3',
			'Skovbakken 8',
			'Rosenhøj 22, 3. mf.',
			'Kirketoften 7',
			'Møllestien 2',
			'Strandstræde 9',
			'Søndervangen 41'
		]) {
			expect(addresses(`Barnet bor på ${street} med mor.`), street).toEqual([street]);
		}
	});

	it('needs a house number, and a lone suffix word is not a street', () => {
		expect(addresses('Vi gik en tur på Vestergade i går.')).toEqual([]);
		expect(addresses('Alle 3 børn var hjemme. Have 2 samtaler om ugen.')).toEqual([]);
		expect(addresses('Vestergade 12345678 er et telefonnummer')).toEqual([]);
		expect(addresses('Børnehave 3 dage om ugen, og Skovbørnehaven 2 gange.')).toEqual([]);
	});
});

describe('findPostcodes', () => {
	it('finds postcode and town, district letters and two-word towns included', () => {
		expect(postcodes('Flyttet til 8000 Aarhus C sidste år')).toEqual(['8000 Aarhus C']);
		expect(postcodes('fra 2800 Kongens Lyngby, nu 9000 Aalborg')).toEqual(['2800 Kongens Lyngby', '9000 Aalborg']);
		expect(postcodes('Bor i 2000 Frederiksberg')).toEqual(['2000 Frederiksberg']);
	});

	it('does not take years, times or amounts for postcodes', () => {
		expect(postcodes('I marts 2019 Mor og barnet flyttede. 2020 Skolen meldte fravær.')).toEqual([]);
		expect(postcodes('kl. 1400 Mor kom hjem. Beløb 3500 kr.')).toEqual([]);
		expect(postcodes('Mødet 12-03-2019 Samtale med mor')).toEqual([]);
	});
});
