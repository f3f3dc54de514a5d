// Reads the small parts of a workbook the sheet reader needs before the first row: which
// sheets there are and where, the date system, which cell styles are dates, and the
// shared strings (the one part held in memory, as every streaming XLSX reader must).

import { posix } from 'node:path';
import { numberKind, decodeExcelEscapes, type NumberKind } from './xlsx-cells';
import { attribute, xmlEvents, type XmlEvent } from './xml-stream';
import { ImportFileError } from '../types';
import type { GuardedZip } from './zip-guard';

export interface SheetRef {
	name: string;
	/** Zip entry name of the sheet part. */
	part: string;
	hidden: boolean;
}

export interface Workbook {
	sheets: SheetRef[];
	date1904: boolean;
	/** Per cell style index (the `s` attribute): what a number in that style means. */
	styleKinds: NumberKind[];
	sharedStrings: string[];
}

const REL_TYPE = (rel: Rel, kind: string) => rel.type.endsWith(`/${kind}`);

interface Rel {
	id: string;
	type: string;
	target: string;
}

export async function readWorkbook(zip: GuardedZip): Promise<Workbook> {
	const packageRels = await readRels(zip, '');
	const bookPart = packageRels.find((r) => REL_TYPE(r, 'officeDocument'))?.target ?? 'xl/workbook.xml';
	const bookRels = await readRels(zip, bookPart);
	const byId = new Map(bookRels.map((r) => [r.id, r]));

	const sheets: SheetRef[] = [];
	let date1904 = false;
	const found = await eachEvent(zip, bookPart, (e) => {
		if (e.kind !== 'open') return;
		if (e.name === 'workbookPr') date1904 = ['1', 'true'].includes(e.attributes.date1904 ?? '');
		if (e.name === 'sheet') {
			const rel = byId.get(attribute(e.attributes, 'id') ?? '');
			// Chart sheets and dialog sheets have no rows.
			if (rel && REL_TYPE(rel, 'worksheet')) {
				const state = e.attributes.state ?? 'visible';
				sheets.push({ name: e.attributes.name ?? '', part: rel.target, hidden: state !== 'visible' });
			}
		}
	});
	if (!found) throw new ImportFileError(zip.file, `not an XLSX file (no workbook part '${bookPart}')`);

	const stylesPart = bookRels.find((r) => REL_TYPE(r, 'styles'))?.target;
	const stringsPart = bookRels.find((r) => REL_TYPE(r, 'sharedStrings'))?.target;
	return {
		sheets,
		date1904,
		styleKinds: stylesPart ? await readStyleKinds(zip, stylesPart) : [],
		sharedStrings: stringsPart ? await readSharedStrings(zip, stringsPart) : []
	};
}

/** Runs `handle` over every event of a part; false when the part does not exist. */
export async function eachEvent(zip: GuardedZip, part: string, handle: (e: XmlEvent) => void): Promise<boolean> {
	const chunks = zip.entryChunks(part);
	if (!chunks) return false;
	try {
		for await (const batch of xmlEvents(chunks)) for (const e of batch) handle(e);
	} catch (err) {
		if (err instanceof ImportFileError) throw err;
		throw new ImportFileError(zip.file, `damaged workbook: ${part}: ${err instanceof Error ? err.message : String(err)}`);
	}
	return true;
}

async function readRels(zip: GuardedZip, part: string): Promise<Rel[]> {
	const dir = posix.dirname(part);
	const relsPart = posix.join(dir, '_rels', `${posix.basename(part)}.rels`);
	const rels: Rel[] = [];
	await eachEvent(zip, relsPart, (e) => {
		if (e.kind !== 'open' || e.name !== 'Relationship' || e.attributes.TargetMode === 'External') return;
		const target = e.attributes.Target ?? '';
		rels.push({
			id: e.attributes.Id ?? '',
			type: e.attributes.Type ?? '',
			target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target))
		});
	});
	return rels;
}

async function readStyleKinds(zip: GuardedZip, part: string): Promise<NumberKind[]> {
	const formats = new Map<number, string>();
	const xfFormatIds: number[] = [];
	let inCellXfs = false;
	await eachEvent(zip, part, (e) => {
		if (e.kind === 'text') return;
		if (e.kind === 'open' && e.name === 'numFmt') {
			formats.set(Number(e.attributes.numFmtId), e.attributes.formatCode ?? '');
		} else if (e.name === 'cellXfs') {
			inCellXfs = e.kind === 'open';
		} else if (inCellXfs && e.kind === 'open' && e.name === 'xf') {
			xfFormatIds.push(Number(e.attributes.numFmtId ?? 0));
		}
	});
	return xfFormatIds.map((id) => numberKind(id, formats.get(id)));
}

async function readSharedStrings(zip: GuardedZip, part: string): Promise<string[]> {
	const strings: string[] = [];
	let current = '';
	let inText = false;
	let inPhonetic = false; // <rPh> holds furigana readings, not cell text
	await eachEvent(zip, part, (e) => {
		if (e.kind === 'text') {
			if (inText && !inPhonetic) current += e.text;
		} else if (e.name === 't') inText = e.kind === 'open';
		else if (e.name === 'rPh') inPhonetic = e.kind === 'open';
		else if (e.name === 'si') {
			if (e.kind === 'close') strings.push(decodeExcelEscapes(current));
			current = '';
		}
	});
	return strings;
}
