// Writes the reader fixtures: fixtures/samples/import-xlsx, import-docx-folder and
// import-fhir, each with its input and an expected.json derived from the same spec below
// (never from a reader's output). Run: npx tsx pipelines/import/formats/make-fixtures.ts
// Names and CPR numbers are invented; the CPR numbers come in several written forms
// because the pseudonymiser must catch them all after import.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { ExcelJS, writeDocx, type Paragraph } from './fixture-writers';

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/samples');
const JOURNAL_HEADER = ['case_id', 'date', 'title', 'text', 'source_file'];

const day = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

// ---- XLSX: one sheet of journal entries, one lookup sheet -------------------------------
type XlsxCell = { value: ExcelJS.CellValue; numFmt?: string };
const xlsxHeader = ['Sagsnr', 'Dato', 'Notattype', 'Forfatter', 'Overskrift', 'Tekst', 'Varighed (timer)'];
/** [sheet row number, cells as written, cells as the reader must return them]; absent rows are blank. */
const xlsxRows: [number, (ExcelJS.CellValue | XlsxCell)[], string[]][] = [
	[2,
		['2019-0012345', { value: day(2019, 3, 12), numFmt: 'dd-mm-yyyy' }, 'Journalnotat', 'Mette Kjær (SB02)', 'Børnefaglig undersøgelse',
			'Mor (CPR 120385-1234) ringede om Søren.\nHun er bekymret for skolegangen.', 1.5],
		['2019-0012345', '2019-03-12', 'Journalnotat', 'Mette Kjær (SB02)', 'Børnefaglig undersøgelse',
			'Mor (CPR 120385-1234) ringede om Søren.\nHun er bekymret for skolegangen.', '1.5']],
	[3,
		['2019-0012345', { value: 43550, numFmt: 'd. mmmm yyyy' }, 'Telefonnotat', 'Mette Kjær (SB02)',
			{ richText: [{ text: 'Samtale ', font: { bold: true } }, { text: 'med far' }] }, 'Far (0703791234) fortalte om weekenden. Æ, ø og å.', 0.25],
		['2019-0012345', '2019-03-26', 'Telefonnotat', 'Mette Kjær (SB02)', 'Samtale med far', 'Far (0703791234) fortalte om weekenden. Æ, ø og å.', '0.25']],
	// row 4 is not written at all; row 5 has cells, all empty: both are blank rows
	[5, ['', '', '', '', '', '', ''], []],
	[6,
		['2019-0067890', '03-04-2019', 'Statusnotat', 'Jens Ravn (SB07)', { value: { formula: '"Status: "&C6', result: 'Status: Statusnotat' } },
			'=HYPERLINK("http://example.org","klik")', { value: { formula: '2*0.75', result: 1.5 } }],
		['2019-0067890', '03-04-2019', 'Statusnotat', 'Jens Ravn (SB07)', 'Status: Statusnotat', '=HYPERLINK("http://example.org","klik")', '1.5']],
	[7,
		['2019-0067890', { value: day(2019, 4, 10, 14, 30), numFmt: 'dd-mm-yyyy hh:mm' }, 'Journalnotat', 'Jens Ravn (SB07)', 'Møde på skolen',
			'Barnet (CPR 150612 4321) og mor deltog.\nAftalt opfølgning i maj.', 23.499999999999996],
		['2019-0067890', '2019-04-10', 'Journalnotat', 'Jens Ravn (SB07)', 'Møde på skolen', 'Barnet (CPR 150612 4321) og mor deltog.\nAftalt opfølgning i maj.', '23.5']],
	[8,
		['2019-0011111', { value: 60, numFmt: 'yyyy-mm-dd' }, 'Journalnotat', 'Ukendt', 'Lotus-fejlen', 'Serienummer 60 er 29. februar 1900, som ikke findes.', 1234567.891],
		['2019-0011111', '1900-02-29', 'Journalnotat', 'Ukendt', 'Lotus-fejlen', 'Serienummer 60 er 29. februar 1900, som ikke findes.', '1234567.891']],
	[9,
		['2019-0011111', { value: 61, numFmt: 'yyyy-mm-dd' }, 'Journalnotat', '', '', 'Kun sag, dato og tekst.'],
		['2019-0011111', '1900-03-01', 'Journalnotat', '', '', 'Kun sag, dato og tekst.', '']],
	[10,
		['2019-0011111', { value: day(2019, 5, 1), numFmt: 'dd-mm-yyyy' }, 'Afslutning', 'Mette Kjær (SB02)', 'Afslutning',
			'Sagen afsluttes. CPR-nr. 010203-4567 (mor) er noteret.', 1e-7],
		['2019-0011111', '2019-05-01', 'Afslutning', 'Mette Kjær (SB02)', 'Afslutning', 'Sagen afsluttes. CPR-nr. 010203-4567 (mor) er noteret.', '0.0000001']]
];

async function makeXlsx(dir: string): Promise<void> {
	const book = new ExcelJS.Workbook();
	book.created = book.modified = day(2024, 1, 1);
	const sheet = book.addWorksheet('Journal');
	sheet.getRow(1).values = xlsxHeader;
	for (const [rowNumber, cells] of xlsxRows) {
		const row = sheet.getRow(rowNumber);
		cells.forEach((cell, i) => {
			const target = row.getCell(i + 1);
			const spec = cell !== null && typeof cell === 'object' && 'value' in cell ? (cell as XlsxCell) : { value: cell as ExcelJS.CellValue };
			target.value = spec.value;
			if (spec.numFmt) target.numFmt = spec.numFmt;
		});
	}
	const lookup = book.addWorksheet('Opslag');
	lookup.addRows([['Kode', 'Betydning'], ['JN', 'Journalnotat'], ['TN', 'Telefonnotat']]);
	await book.xlsx.writeFile(join(dir, 'journal.xlsx'));

	const data = xlsxRows.filter(([, , expected]) => expected.length > 0);
	writeExpected(dir, {
		file: 'journal.xlsx',
		sheet: 'Journal',
		header: xlsxHeader,
		headerLine: 1,
		rowCount: data.length,
		rows: data.map(([line, , cells]) => ({ line, cells })),
		sheets: { Opslag: { header: ['Kode', 'Betydning'], headerLine: 1, rows: [{ line: 2, cells: ['JN', 'Journalnotat'] }, { line: 3, cells: ['TN', 'Telefonnotat'] }] } }
	});
}

// ---- One document per case ---------------------------------------------------------------
interface CaseFile {
	path: string;
	write: (path: string) => Promise<void> | void;
	/** The rows the file must give: [date, title, text]; none for clutter that is skipped. */
	rows: [string, string, string][];
}

const text = (content: string, encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252') => (path: string) =>
	writeFileSync(path, encoding === 'windows-1252' ? iconv.encode(content, 'windows-1252') : Buffer.from((encoding === 'utf-8-bom' ? '\uFEFF' : '') + content, 'utf8'));
const docx = (paragraphs: Paragraph[]) => (path: string) => writeDocx(path, paragraphs);

const caseFiles: CaseFile[] = [
	{
		path: '2019-0012345/2019-03-12 Børnefaglig undersøgelse.docx',
		write: docx(['Børnefaglig undersøgelse vedr. Søren (CPR 120385-1234).', 'Mor, Anne Hansen, og far, Jens Hansen (0703791234), deltog.\nAftalt: ny samtale om 14 dage.']),
		rows: [['2019-03-12', 'Børnefaglig undersøgelse', 'Børnefaglig undersøgelse vedr. Søren (CPR 120385-1234).\nMor, Anne Hansen, og far, Jens Hansen (0703791234), deltog.\nAftalt: ny samtale om 14 dage.']]
	},
	{
		path: '2019-0012345/12-03-2019_notat.txt',
		write: text('Telefonnotat\r\nMor ringede. CPR 120385 1234 oplyst.\r\n', 'utf-8-bom'),
		rows: [['2019-03-12', 'notat', 'Telefonnotat\nMor ringede. CPR 120385 1234 oplyst.']]
	},
	{
		path: '2019-0012345/Journalnotater 2019.docx',
		write: docx([
			'Journalnotater for sag 2019-0012345',
			['02.04.2019 Journalnotat'], 'Hjemmebesøg. Søren var glad. Mor (120385-1234) var til stede.',
			['15.04.2019 Telefonnotat'], 'Skolen ringede om fravær.', '15.04.2019 kl. 10 mødes vi med skolen.',
			['3. maj 2019 Statusmøde'], 'Status: trivslen er bedre.\nNæste møde i juni.'
		]),
		rows: [
			['2019-04-02', 'Journalnotat', 'Journalnotater for sag 2019-0012345\n\nHjemmebesøg. Søren var glad. Mor (120385-1234) var til stede.'],
			['2019-04-15', 'Telefonnotat', 'Skolen ringede om fravær.\n15.04.2019 kl. 10 mødes vi med skolen.'],
			['2019-05-03', 'Statusmøde', 'Status: trivslen er bedre.\nNæste møde i juni.']
		]
	},
	{
		path: '2019-0067890/notat.txt',
		write: text('Dato: 12. marts 2019\nUnderretning fra skolen om Ida Ærø (CPR-nr. 010203-4567).\n', 'windows-1252'),
		rows: [['2019-03-12', 'notat', 'Dato: 12. marts 2019\nUnderretning fra skolen om Ida Ærø (CPR-nr. 010203-4567).']]
	},
	{ path: '2019-0067890/uden dato.txt', write: text('Notat uden dato. Mor: 0703791234.\n', 'utf-8'), rows: [['', 'uden dato', 'Notat uden dato. Mor: 0703791234.']] },
	{
		path: '2019-0067890/underretning.txt',
		write: text('03-04-2019\nUnderretning modtaget. Tlf. 23 45 67 89.\n', 'utf-8'),
		rows: [['2019-04-03', 'underretning', '03-04-2019\nUnderretning modtaget. Tlf. 23 45 67 89.']]
	},
	{ path: '2019-0067890/.DS_Store', write: (p) => writeFileSync(p, Buffer.from([0, 0, 0, 1, 66, 117, 100, 49])), rows: [] },
	{ path: '2019-0067890/~$notat.docx', write: (p) => writeFileSync(p, Buffer.alloc(162)), rows: [] },
	{
		path: '2020-0000001/31-02-2020 Notat.txt',
		write: text('Datoen i filnavnet findes ikke.\n', 'utf-8'),
		rows: [['31-02-2020', 'Notat', 'Datoen i filnavnet findes ikke.']]
	},
	{
		path: '2020-0000001/Notater.txt',
		write: text('05.01.2020 Telefonnotat\r\nFar ringede (0703791234).\r\n\r\n12.01.2020 Hjemmebesøg\r\nBesøg hos familien. Alt vel på Åbyvej.\r\n', 'windows-1252'),
		rows: [
			['2020-01-05', 'Telefonnotat', 'Far ringede (0703791234).'],
			['2020-01-12', 'Hjemmebesøg', 'Besøg hos familien. Alt vel på Åbyvej.']
		]
	}
];

async function makeDocumentFolder(dir: string): Promise<void> {
	const input = join(dir, 'input');
	for (const file of caseFiles) {
		mkdirSync(dirname(join(input, file.path)), { recursive: true });
		await file.write(join(input, file.path));
	}
	const ordered = caseFiles.filter((f) => f.rows.length > 0).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const rows = ordered.flatMap((f) => f.rows.map(([date, title, body]) => [f.path.split('/')[0], date, title, body, f.path]));
	writeExpected(dir, { folder: 'input', header: JOURNAL_HEADER, headerLine: 0, rowCount: rows.length, rows: rows.map((cells, i) => ({ line: i + 1, cells })) });
}

// ---- FHIR Bundle ---------------------------------------------------------------------------
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const div = (html: string) => ({ status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${html}</div>` });
const CPR_OID = 'urn:oid:1.2.208.176.1.2';
const CASE_SYSTEM = 'urn:dk:kommune:sagsnummer';

const fhirEntries: { resource: Record<string, unknown>; row?: [string, string, string, string] }[] = [
	{ resource: { resourceType: 'Patient', id: 'p1', identifier: [{ system: CPR_OID, value: '1203851234' }], name: [{ family: 'Hansen', given: ['Søren'] }] } },
	{ resource: { resourceType: 'EpisodeOfCare', id: 'e1', status: 'active', identifier: [{ system: CASE_SYSTEM, value: '2019-0012345' }], patient: { reference: 'Patient/p1' } } },
	{
		resource: {
			resourceType: 'DocumentReference', id: 'd1', status: 'current', subject: { reference: 'Patient/p1' }, date: '2019-03-12T10:15:00+01:00',
			description: 'Børnefaglig undersøgelse', context: { encounter: [{ reference: 'EpisodeOfCare/e1' }] },
			content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: b64('Søren (CPR 120385-1234) er udredt.\nMor deltog.') } }]
		},
		row: ['2019-0012345', '2019-03-12', 'Børnefaglig undersøgelse', 'Søren (CPR 120385-1234) er udredt.\nMor deltog.']
	},
	{
		resource: {
			resourceType: 'Composition', id: 'c1', status: 'final', type: { text: 'Handleplan' }, subject: { reference: 'Patient/p1' },
			encounter: { reference: 'Encounter/enc1' }, date: '2019-04-02', title: 'Handleplan § 140', author: [{ reference: 'Practitioner/sb02' }],
			section: [
				{ title: 'Mål', text: div('<p>Søren skal i skole hver dag.</p>') },
				{ title: 'Indsats', text: div('<ul><li>Familiebehandling (BL § 52, stk. 3, nr. 3)</li><li>Kontaktperson &amp; mentor</li></ul>') }
			]
		},
		row: ['2019-0012345', '2019-04-02', 'Handleplan § 140', 'Mål\nSøren skal i skole hver dag.\n\nIndsats\nFamiliebehandling (BL § 52, stk. 3, nr. 3)\nKontaktperson & mentor']
	},
	{ resource: { resourceType: 'Encounter', id: 'enc1', status: 'finished', episodeOfCare: [{ reference: 'EpisodeOfCare/e1' }] } },
	{
		resource: {
			resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Trivselsvurdering' }, encounter: { reference: 'Encounter/enc2' },
			effectiveDateTime: '2019-05-01T09:00:00+02:00', valueString: 'Barnet trives bedre. Mor: 0703791234.'
		},
		row: ['2019-0067890', '2019-05-01', 'Trivselsvurdering', 'Barnet trives bedre. Mor: 0703791234.']
	},
	{
		resource: {
			resourceType: 'DocumentReference', id: 'd2', status: 'current', type: { coding: [{ system: 'urn:dk:notattype', code: 'TLF', display: 'Telefonnotat' }] },
			subject: { identifier: { system: CASE_SYSTEM, value: '2020-0000001' } }, date: '2020-01-05T23:30:00+01:00',
			content: [{ attachment: { contentType: 'text/html', data: b64('<p>Far ringede &amp; fortalte.<br/>CPR 150612&nbsp;4321.</p>') } }]
		},
		row: ['2020-0000001', '2020-01-05', 'Telefonnotat', 'Far ringede & fortalte.\nCPR 150612 4321.']
	},
	{
		resource: {
			resourceType: 'DocumentReference', id: 'd3', status: 'current', description: 'Underretning', subject: { reference: 'Patient/p1' },
			context: { period: { start: '2019-02-20' } }, text: div('<p>Underretning fra skolen.</p><p>Ring til mor på 23 45 67 89.</p>'),
			content: [{ attachment: { contentType: 'application/pdf', url: 'https://example.org/underretning.pdf' } }]
		},
		row: ['2019-0012345', '2019-02-20', 'Underretning', 'Underretning fra skolen.\nRing til mor på 23 45 67 89.']
	},
	{ resource: { resourceType: 'Practitioner', id: 'sb02', identifier: [{ value: 'SB02' }] } },
	{
		resource: {
			resourceType: 'Observation', id: 'o2', status: 'final', code: { coding: [{ system: 'urn:fit', code: 'ORS', display: 'ORS total' }] },
			encounter: { reference: 'Encounter/enc2' }, effectivePeriod: { start: '2019-06-01' }, valueQuantity: { value: 23.5, unit: 'point' }
		},
		row: ['2019-0067890', '2019-06-01', 'ORS total', '23.5 point']
	},
	{ resource: { resourceType: 'Encounter', id: 'enc2', status: 'finished', episodeOfCare: [{ reference: 'urn:uuid:6f1c1d7e-0000-4000-8000-000000000002' }] } },
	{ resource: { resourceType: 'EpisodeOfCare', id: 'e2', status: 'active', identifier: [{ system: CASE_SYSTEM, value: '2019-0067890' }] } },
	{ resource: { resourceType: 'DocumentReference', id: 'd4', status: 'entered-in-error', subject: { reference: 'Patient/p1' }, description: 'Fejl' } }
];

function makeFhir(dir: string): void {
	const entry = fhirEntries.map(({ resource }) => ({
		fullUrl: resource.id === 'e2' ? 'urn:uuid:6f1c1d7e-0000-4000-8000-000000000002' : `https://fhir.example.dk/${resource.resourceType}/${resource.id}`,
		resource
	}));
	const bundle = { resourceType: 'Bundle', id: 'ffb-export-1', type: 'collection', timestamp: '2024-01-01T00:00:00+01:00', entry };
	writeFileSync(join(dir, 'bundle.json'), `${JSON.stringify(bundle, null, 2)}\n`);
	const rows = fhirEntries.flatMap(({ resource, row }, i) =>
		row ? [{ line: i + 1, cells: [...row, `bundle.json#${resource.resourceType}/${resource.id}`] }] : []
	);
	writeExpected(dir, { file: 'bundle.json', header: JOURNAL_HEADER, headerLine: 0, rowCount: rows.length, rows });
}

function writeExpected(dir: string, expected: object): void {
	writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, '\t')}\n`);
}

export async function makeFixtures(samples = SAMPLES): Promise<void> {
	const folders = { 'import-xlsx': makeXlsx, 'import-docx-folder': makeDocumentFolder, 'import-fhir': makeFhir };
	for (const [name, make] of Object.entries(folders)) {
		const dir = join(samples, name);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		await make(dir);
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	await makeFixtures();
	console.log(`fixtures written under ${SAMPLES}`);
}
