import { describe, expect, it } from 'vitest';
import { mapHeader } from './headers';
import { validateJournalRow } from './journals';
import { splitPerson } from './row';

const header = ['Sagsnr', 'Dato', 'Notattype', 'Overskrift', 'Forfatter', 'Rolle', 'Tekst'];
const { fields } = mapHeader('journals', header);
const validate = (cells: string[]) => validateJournalRow(cells, fields, { line: 7, row: 5, header });

describe('validateJournalRow', () => {
	it('builds a record with the artefact code, the author split into name and id', () => {
		const row = validate(['2019-0042', '3. marts 2019', 'Børnefaglig undersøgelse', 'Opstart', 'Mette Kjær (SB02)', 'Socialrådgiver', ' Tekst.\r\nMere. ']);
		expect(row).toEqual({
			line: 7, row: 5, problems: [], cells: row.cells,
			record: { caseId: '2019-0042', date: '2019-03-03', entryType: 'boernefaglig_undersoegelse', entryTypeLabel: 'Børnefaglig undersøgelse', title: 'Opstart', authorName: 'Mette Kjær', authorId: 'SB02', authorRole: 'Socialrådgiver', text: 'Tekst.\nMere.' }
		});
	});

	it.each([
		['Underretning', 'underretning'],
		['Børnefaglig undersøgelse', 'boernefaglig_undersoegelse'],
		['§ 50-undersøgelse', 'boernefaglig_undersoegelse'],
		['SEL § 50', 'boernefaglig_undersoegelse'],
		['Handleplan', 'handleplan'],
		['Barnets plan', 'barnets_plan'],
		['Afgørelse', 'afgoerelse_bevilling'],
		['Bevilling', 'afgoerelse_bevilling'],
		['Afgørelse/bevilling', 'afgoerelse_bevilling'],
		['Bestilling', 'bestilling'],
		['Journalnotat', 'journalnotat'],
		['Notat', 'journalnotat'],
		['Telefonnotat', 'journalnotat'],
		['Statusudtalelse', 'statusudtalelse'],
		['Børnesamtale', 'boernesamtale'],
		['BØRNESAMTALE', 'boernesamtale'],
		['Opfølgning', 'opfoelgning'],
		['VUM', 'vum_udredning'],
		['VUM-udredning', 'vum_udredning'],
		['Afslutningsnotat', 'afslutningsnotat'],
		['FIT', 'fit_maaling'],
		['FIT-måling', 'fit_maaling'],
		['Screening/afdækning', 'screening'],
		['Case note', 'journalnotat']
	])('maps the entry type %s to %s', (label, id) => {
		expect(validate(['1', '01-02-2019', label, '', '', '', 'x']).record?.entryType).toBe(id);
	});

	it('keeps an unknown entry type as its label, without a code', () => {
		expect(validate(['1', '01-02-2019', 'Intern mail', '', '', '', 'x']).record).toMatchObject({ entryType: null, entryTypeLabel: 'Intern mail' });
		expect(validate(['1', '01-02-2019', '', '', '', '', 'x']).record).toMatchObject({ entryType: null, entryTypeLabel: null, title: '' });
	});

	it('names every problem by line, row, source column and reason, and never quotes the text', () => {
		const row = validate(['', '31-02-2019', 'Notat', '', '', '', '   ']);
		expect(row.record).toBeNull();
		expect(row.problems).toEqual([
			{ line: 7, row: 5, column: 'Sagsnr', reason: 'case id is empty' },
			{ line: 7, row: 5, column: 'Dato', reason: 'impossible date "31-02-2019" (February 2019 has 28 days)' },
			{ line: 7, row: 5, column: 'Tekst', reason: 'text is empty' }
		]);
	});

	it('stores formula-like text as text, unchanged', () => {
		for (const text of ['=HYPERLINK("http://x.example";"klik")', '+45 12 34 56 78', '-1 dag', '@SUM(A1)']) {
			expect(validate(['1', '01-02-2019', '', '', '', '', text]).record?.text).toBe(text);
		}
	});

	it('takes the author id from an id column when there is one', () => {
		const withId = ['Sagsnr', 'Dato', 'Forfatter', 'Forfatter-id', 'Tekst'];
		const row = validateJournalRow(['1', '01-02-2019', 'Mette Kjær', 'MK1', 'x'], mapHeader('journals', withId).fields, { line: 2, row: 1, header: withId });
		expect(row.record).toMatchObject({ authorName: 'Mette Kjær', authorId: 'MK1' });
	});
});

describe('splitPerson', () => {
	it('tells names from ids', () => {
		expect(splitPerson('Mette Kjær (SB02)')).toEqual({ name: 'Mette Kjær', id: 'SB02' });
		expect(splitPerson('SB014')).toEqual({ name: null, id: 'SB014' });
		expect(splitPerson('LV187')).toEqual({ name: null, id: 'LV187' });
		expect(splitPerson('MKJ')).toEqual({ name: null, id: 'MKJ' });
		expect(splitPerson('Jens Ole Hansen')).toEqual({ name: 'Jens Ole Hansen', id: null });
		expect(splitPerson('Jens (afløser)')).toEqual({ name: 'Jens (afløser)', id: null });
		expect(splitPerson('')).toEqual({ name: null, id: null });
	});
});
