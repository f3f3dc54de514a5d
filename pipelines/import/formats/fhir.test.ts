import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError, type TableRow } from '../types';
import { openFhirTable } from './fhir';

const dir = mkdtempSync(join(tmpdir(), 'effekt-fhir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function bundleFile(content: unknown): string {
	const file = join(dir, `bundle-${++files}.json`);
	writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
	return file;
}
const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });

async function rows(file: string): Promise<TableRow[]> {
	const out: TableRow[] = [];
	for await (const row of (await openFhirTable(file)).rows) out.push(row);
	return out;
}

async function refusal(file: string, maxBytes?: number): Promise<ImportFileError> {
	const err = await openFhirTable(file, { maxBytes }).then(() => undefined, (e: unknown) => e);
	expect(err).toBeInstanceOf(ImportFileError);
	expect((err as ImportFileError).file).toBe(file);
	return err as ImportFileError;
}

describe('openFhirTable: case ids', () => {
	it('never takes a CPR number for a case id', async () => {
		const file = bundleFile(bundle(
			{ resourceType: 'Patient', id: '1203851234', identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: 'B-17' }, { value: '120385-1234' }] },
			{ resourceType: 'DocumentReference', id: 'd1', subject: { reference: 'Patient/1203851234' }, date: '2019-03-12', content: [{ attachment: { data: Buffer.from('Tekst').toString('base64') } }] },
			{ resourceType: 'Observation', id: 'o1', subject: { identifier: { system: 'urn:dk:cpr', value: 'S-1' } }, effectiveDateTime: '2019-03-12', valueString: 'x' }
		));
		expect((await rows(file)).map((r) => r.cells[0])).toEqual(['', '']);
	});

	it('uses the subject when it is a plain citizen reference', async () => {
		const file = bundleFile(bundle({ resourceType: 'Observation', id: 'o1', subject: { reference: 'https://fhir.example.dk/Patient/borger-9/_history/2' }, valueString: 'x' }));
		expect((await rows(file))[0].cells.slice(0, 2)).toEqual(['borger-9', '']);
	});
});

describe('openFhirTable: text', () => {
	it('reads Windows-1252 attachments by their charset, and leaves out entered-in-error resources', async () => {
		const file = bundleFile(bundle(
			{ resourceType: 'DocumentReference', id: 'd1', content: [{ attachment: { contentType: 'text/plain; charset=windows-1252', data: Buffer.from([0x53, 0xf8, 0x72, 0x65, 0x6e]).toString('base64') } }] },
			{ resourceType: 'DocumentReference', id: 'd2', status: 'entered-in-error', content: [{ attachment: { data: 'eA==' } }] }
		));
		expect(await rows(file)).toEqual([{ line: 1, cells: ['', '', '', 'Søren', `${file.split('/').pop()}#DocumentReference/d1`] }]);
	});

	it('refuses an attachment it cannot read when there is no narrative, naming the entry', async () => {
		const file = bundleFile(bundle(
			{ resourceType: 'Patient', id: 'p' },
			{ resourceType: 'DocumentReference', id: 'd1', content: [{ attachment: { contentType: 'application/pdf', data: 'JVBERi0=' } }] }
		));
		const err = await refusal(file);
		expect(err.line).toBe(2);
		expect(err.reason).toBe('attachment of type application/pdf is not read (only text/plain and text/html) and there is no narrative text');
	});
});

describe('openFhirTable: hostile JSON (found by the property tests)', () => {
	it('reads past ids, types and values that are objects with a "toString" key', async () => {
		const file = bundleFile('{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"DocumentReference"}},{"resource":{"resourceType":[{"toString":[]}],"id":"p1"}}]}');
		expect(await rows(file)).toEqual([{ line: 1, cells: ['', '', '', '', `${file.split('/').pop()}#DocumentReference/1`] }]);
		const hostile = { toString: 1 };
		const observations = bundleFile({
			resourceType: 'Bundle',
			entry: [
				{ fullUrl: hostile, resource: { resourceType: 'Observation', id: hostile, subject: { reference: hostile, identifier: { system: hostile, value: 'S-1' } }, valueInteger: hostile } },
				{ resource: { resourceType: 'Observation', id: 'o2', valueQuantity: { value: hostile, unit: 'point' } } },
				{ resource: { resourceType: 'DocumentReference', id: 'd1', content: [{ attachment: { contentType: hostile, data: 'eA==' } }], text: { div: '<p>x</p>' } } }
			]
		});
		expect((await rows(observations)).map((row) => row.cells.slice(0, 4))).toEqual([['S-1', '', '', ''], ['', '', '', 'point'], ['', '', '', 'x']]);
	});

	it('reads sections nested deeper than the call stack', async () => {
		const depth = 12_000;
		const file = bundleFile(`{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Composition","id":"c1","section":[${'{"section":['.repeat(depth)}{"title":"inderst"}${']}'.repeat(depth)}]}}]}`);
		expect((await rows(file))[0].cells[3]).toBe('inderst');
	});
});

describe('openFhirTable: refusals', () => {
	it('a file over the size limit (100 MiB by default)', async () => {
		const file = bundleFile('');
		truncateSync(file, 101 * 1024 * 1024);
		expect((await refusal(file)).reason).toBe('is 101 MiB; FHIR bundles over 100 MiB are refused (export it in parts)');
	});

	it('invalid JSON, a resource that is not a Bundle, and a bundle without journal resources', async () => {
		expect((await refusal(bundleFile('{"resourceType": "Bundle", '))).reason).toMatch(/^not FHIR JSON \(/);
		expect((await refusal(bundleFile({ resourceType: 'Patient', id: 'p' }))).reason).toBe('not a FHIR Bundle (found a Patient)');
		expect((await refusal(bundleFile([1, 2]))).reason).toBe('not a FHIR Bundle (found no resourceType)');
		expect((await refusal(bundleFile(bundle({ resourceType: 'Patient', id: 'p' })))).reason).toBe(
			'the bundle has no DocumentReference, Composition or Observation entries (1 entries)'
		);
	});

	it('names the file as told', async () => {
		const err = await openFhirTable(bundleFile('[]'), { file: 'ffb.json' }).catch((e: unknown) => e);
		expect((err as ImportFileError).message).toBe('ffb.json: not a FHIR Bundle (found no resourceType)');
		const table = await openFhirTable(bundleFile(bundle({ resourceType: 'Observation', id: 'o', valueString: 'x' })), { file: 'upload/ffb.json' });
		expect(table.file).toBe('upload/ffb.json');
		for await (const row of table.rows) expect(row.cells[4]).toBe('ffb.json#Observation/o');
	});

	it('accepts a UTF-8 byte order mark', async () => {
		const file = bundleFile(`\uFEFF${JSON.stringify(bundle({ resourceType: 'Observation', id: 'o', valueString: 'x' }))}`);
		expect(await rows(file)).toHaveLength(1);
	});
});
