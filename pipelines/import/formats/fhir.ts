// Reads a FHIR R4 JSON Bundle (as the national FFB reporting and some case systems export
// it) as a journal table: one row per DocumentReference, Composition or Observation entry;
// fhir-journal.ts says how each field is found. Bundles are parsed whole, so they are
// capped at 100 MiB.

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportFileError, type TableRow, type TableSource } from '../types';
import { JOURNAL_DOCUMENT_HEADER } from './docx-folder';
import { formatBytes, MiB } from './sizes';
import { JOURNAL_RESOURCE_TYPES, journalFields, type Resolve, type Resource } from './fhir-journal';

export interface FhirOptions {
	/** Larger files are refused (default 100 MiB). */
	maxBytes?: number;
	/** How errors and source_file name the file (default: the path). */
	file?: string;
}

/**
 * Opens a FHIR Bundle as a journal table with the header JOURNAL_DOCUMENT_HEADER.
 * `line` is the entry's position in `Bundle.entry` (1 = first entry); `source_file`
 * names the file and the resource ("bundle.json#DocumentReference/d1").
 */
export async function openFhirTable(path: string, options: FhirOptions = {}): Promise<TableSource> {
	const maxBytes = options.maxBytes ?? 100 * MiB;
	const label = options.file ?? path;
	const { size } = await stat(path);
	if (size > maxBytes) {
		throw new ImportFileError(label, `is ${formatBytes(size)}; FHIR bundles over ${formatBytes(maxBytes)} are refused (export it in parts)`);
	}
	const bundle = parseJson(label, await readFile(path, 'utf8'));
	if (bundle?.resourceType !== 'Bundle') {
		const found = typeof bundle?.resourceType === 'string' ? `a ${bundle.resourceType}` : 'no resourceType';
		throw new ImportFileError(label, `not a FHIR Bundle (found ${found})`);
	}
	const entries: unknown[] = Array.isArray(bundle.entry) ? bundle.entry : [];
	const resources = entries.map((e) => (e as { resource?: Resource } | null)?.resource);
	const journal = resources.flatMap((r, i) => (r && JOURNAL_RESOURCE_TYPES.has(r.resourceType) && r.status !== 'entered-in-error' ? [i] : []));
	if (journal.length === 0) {
		throw new ImportFileError(label, `the bundle has no DocumentReference, Composition or Observation entries (${entries.length} entries)`);
	}
	const resolve = resolver(entries);
	const file = basename(label);
	// Every row is mapped before the table is returned, so an unreadable entry stops the import up front.
	const rows: TableRow[] = journal.map((i) => {
		const r = resources[i]!;
		const fields = journalFields(r, resolve);
		if ('error' in fields) throw new ImportFileError(label, fields.error, i + 1);
		const source = `${file}#${r.resourceType}/${[r.id, (entries[i] as { fullUrl?: unknown }).fullUrl].find(isString) ?? i + 1}`;
		return { line: i + 1, cells: [fields.caseId, fields.date, fields.title, fields.text, source] };
	});
	return { format: 'fhir', ...(options.file ? { file: label } : {}), encoding: 'utf-8', header: [...JOURNAL_DOCUMENT_HEADER], headerLine: 0, rows: toAsync(rows) };
}

function parseJson(file: string, text: string): Resource | undefined {
	try {
		return JSON.parse(text.replace(/^\uFEFF/, '')) as Resource;
	} catch (err) {
		throw new ImportFileError(file, `not FHIR JSON (${err instanceof Error ? err.message : String(err)})`);
	}
}

/** Finds a referenced resource in the bundle by relative reference ("Patient/p1"), full URL or urn:uuid. */
function resolver(entries: unknown[]): Resolve {
	const byKey = new Map<string, Resource>();
	for (const entry of entries as { fullUrl?: unknown; resource?: Resource }[]) {
		const r = entry?.resource;
		if (!isString(r?.resourceType)) continue;
		if (isString(r.id) && r.id) byKey.set(`${r.resourceType}/${r.id}`, r);
		if (isString(entry.fullUrl) && entry.fullUrl) byKey.set(entry.fullUrl, r);
	}
	const resolve: Resolve = (reference) => {
		const ref = (reference as { reference?: unknown } | undefined)?.reference;
		if (typeof ref !== 'string') return undefined;
		const plain = ref.replace(/\/_history\/.*$/, '');
		return byKey.get(plain) ?? byKey.get(plain.split('/').slice(-2).join('/'));
	};
	const episodes = [...new Set(byKey.values())].filter((r) => r.resourceType === 'EpisodeOfCare');
	resolve.episodesOf = (subject) => episodes.filter((e) => resolve(e.patient) === subject);
	return resolve;
}

// Ids and types are strings in FHIR. Anything else is not used: a JSON object with a
// "toString" key cannot even be turned into a string (TypeError), so nothing may try.
const isString = (value: unknown): value is string => typeof value === 'string';

async function* toAsync(rows: TableRow[]): AsyncGenerator<TableRow> {
	yield* rows;
}
