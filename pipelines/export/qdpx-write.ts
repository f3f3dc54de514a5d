// A REFI-QDA project (project.qde, Project.xsd) with its text sources, for NVivo, MAXQDA,
// ATLAS.ti and QualCoder. The codebook's codes are written as the QDC export writes them
// (same GUIDs, same Description sections), under one not-codable code per codebook.
// - Without text: users, the codebook, variables and cases with their values and the
//   codes coded in them (`<CodeRef>`); no sources, no selections, no notes.
// - With text: also one TextSource per journal entry, its text in `sources/<guid>.txt`
//   (UTF-8, exactly the stored pseudonymised text, line breaks as stored), each coding
//   a PlainTextSelection whose positions count code points of that file, and memos as notes.
//   The text lives in files, not in PlainTextContent, because an XML parser turns CRLF
//   inside element content into LF, which would move every position after it.
import { escapeXmlAttribute as attr, escapeXmlText as text, qdcCodeLines, uuidV5 } from '../codebook-exchange';
import { shiftDate } from './date-shift';
import { codeGuid } from '../codebook-exchange/guid';
import type { Column, Dataset } from './tables';
import { codePointOffset } from './text-positions';
import type { ExportOptions, ExportProject } from './types';

export const QDPX_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** Namespace of the project's own GUIDs (users, sources, selections, cases, variables, notes). */
const PROJECT_GUID_NAMESPACE = '8b0e7f52-3c1a-4d6e-a5b9-2f4c6d8e0a13';

export interface Qdpx {
	/** project.qde */
	qde: string;
	/** `sources/<guid>.txt` → text. */
	sources: Map<string, string>;
}

const VARIABLE_TYPES = { string: 'Text', integer: 'Integer', number: 'Float', date: 'Date', binary: 'Boolean' } as const;

function valueElement(column: Column, value: string | number): string {
	switch (column.type) {
		case 'integer':
			return `<IntegerValue>${value}</IntegerValue>`;
		case 'number':
			// xsd:decimal has no exponent: fixed notation (cells are rounded to 6 decimals), trailing zeros removed.
			return `<FloatValue>${Number(value).toFixed(6).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}</FloatValue>`;
		case 'date':
			return `<DateValue>${value}</DateValue>`;
		case 'binary':
			return `<BooleanValue>${value === 1 ? 'true' : 'false'}</BooleanValue>`;
		default:
			return `<TextValue>${text(String(value))}</TextValue>`;
	}
}

export function buildQdpx(project: ExportProject, dataset: Dataset, options: ExportOptions): Qdpx {
	const guid = (kind: string, id: string) => uuidV5(PROJECT_GUID_NAMESPACE, `${project.projectId}/${kind}/${id}`);
	const codeById = new Map(project.codes.map((c) => [c.id, c]));
	const codeGuidOf = (codeId: string) => {
		const code = codeById.get(codeId)!;
		return codeGuid(code.codebook, code.key);
	};
	const created = project.generatedAt.toISOString().replace(/\.\d+Z$/, 'Z');
	const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
	lines.push(`<Project xmlns="${QDPX_NAMESPACE}" name="${attr(project.name)}" origin="Effekt" creationDateTime="${created}">`);

	// Users: the coders' export pseudonyms, never their usernames.
	const coders = [...project.coders];
	if (coders.length) {
		lines.push('\t<Users>');
		for (const [userId, name] of coders) lines.push(`\t\t<User guid="${guid('user', userId)}" name="${attr(name)}" id="${attr(name)}"/>`);
		lines.push('\t</Users>');
	}

	// Code memos as notes referenced from their code (with text only).
	const notes: { guid: string; name: string; text: string; creatingUser?: string; created: string }[] = [];
	const codeNotes = new Map<string, string[]>();
	if (options.includeText) {
		for (const memo of project.memos) {
			const noteGuid = guid('memo', memo.id);
			const target = memo.codeId ? codeById.get(memo.codeId) : undefined;
			const owner = memo.caseId ? project.cases.find((c) => c.id === memo.caseId) : undefined;
			if (!target && !owner) continue;
			notes.push({
				guid: noteGuid,
				name: target ? `Memo: ${target.labelDa}` : `Memo: ${owner!.pseudonym}`,
				text: memo.text,
				creatingUser: project.coders.has(memo.authorId) ? guid('user', memo.authorId) : undefined,
				created: memo.createdAt
			});
			if (target) {
				const key = `${target.codebook}/${target.key}`;
				codeNotes.set(key, [...(codeNotes.get(key) ?? []), `<NoteRef targetGUID="${noteGuid}"/>`]);
			}
		}
	}

	const books = project.codebooks.filter((b) => b.codes.length);
	if (books.length) {
		lines.push('\t<CodeBook>', '\t\t<Codes>');
		const usedGuids = new Map<string, string>();
		for (const book of books) {
			// A codebook is a group code other tools show as a folder; it takes no codings.
			lines.push(`\t\t\t<Code guid="${uuidV5(PROJECT_GUID_NAMESPACE, `codebook/${book.id}`)}" name="${attr(book.label.da)}" isCodable="false">`);
			lines.push(`\t\t\t\t<Description>${text(`Effekt codebook=${book.id} version=${book.version}`)}</Description>`);
			lines.push(...qdcCodeLines(book, { lang: 'da', usedGuids, extra: (codeId) => codeNotes.get(`${book.id}/${codeId}`) ?? [] }, 4));
			lines.push('\t\t\t</Code>');
		}
		lines.push('\t\t</Codes>', '\t</CodeBook>');
	}

	// Variables: every case column but the case id itself.
	const variables = dataset.cases.columns.slice(1);
	lines.push('\t<Variables>');
	for (const v of variables) {
		lines.push(`\t\t<Variable guid="${guid('variable', v.name)}" name="${attr(v.name)}" typeOfVariable="${VARIABLE_TYPES[v.type]}">`);
		lines.push(`\t\t\t<Description>${text(`${v.labelDa} / ${v.labelEn}`)}</Description>`);
		lines.push('\t\t</Variable>');
	}
	lines.push('\t</Variables>');

	const sourceGuid = (entryId: string) => guid('source', entryId);
	if (project.cases.length) {
		lines.push('\t<Cases>');
		project.cases.forEach((c, index) => {
			lines.push(`\t\t<Case guid="${guid('case', c.id)}" name="${attr(c.pseudonym)}">`);
			const codesInCase = [...new Set(c.codings.map((coding) => coding.codeId))];
			for (const codeId of codesInCase) lines.push(`\t\t\t<CodeRef targetGUID="${codeGuidOf(codeId)}"/>`);
			const row = dataset.cases.rows[index];
			variables.forEach((v, i) => {
				const value = row[i + 1];
				// Missing, or an empty list (no settings): nothing to write, as in the CSV's empty cell.
				if (value === null || value === '') return;
				lines.push(`\t\t\t<VariableValue><VariableRef targetGUID="${guid('variable', v.name)}"/>${valueElement(v, value)}</VariableValue>`);
			});
			if (options.includeText) for (const entry of c.entries) lines.push(`\t\t\t<SourceRef targetGUID="${sourceGuid(entry.id)}"/>`);
			lines.push('\t\t</Case>');
		});
		lines.push('\t</Cases>');
	}

	const sources = new Map<string, string>();
	if (options.includeText && project.cases.some((c) => c.entries.length)) {
		lines.push('\t<Sources>');
		for (const c of project.cases) {
			const shift = options.shiftDates ? c.shiftDays : 0;
			c.entries.forEach((entry, n) => {
				const id = sourceGuid(entry.id);
				const body = entry.text ?? '';
				sources.set(`sources/${id}.txt`, body);
				const date = entry.date ? shiftDate(entry.date, shift) : 'udateret';
				lines.push(`\t\t<TextSource guid="${id}" name="${attr(`${c.pseudonym} ${date} #${n + 1}`)}" plainTextPath="internal://${id}.txt">`);
				const codings = c.codings.filter((coding) => coding.entryId === entry.id);
				for (const coding of codings) {
					const span = coding.start !== null && coding.end !== null;
					const start = span ? codePointOffset(body, coding.start!) : 0;
					const end = span ? codePointOffset(body, coding.end!) : codePointOffset(body, body.length);
					const user = project.coders.has(coding.coderId) ? ` creatingUser="${guid('user', coding.coderId)}"` : '';
					const when = ` creationDateTime="${coding.createdAt.replace(/\.\d+Z$/, 'Z')}"`;
					lines.push(`\t\t\t<PlainTextSelection guid="${guid('selection', coding.id)}" startPosition="${start}" endPosition="${end}"${user}${when}>`);
					lines.push(`\t\t\t\t<Coding guid="${guid('coding', coding.id)}"${user}${when}>`);
					lines.push(`\t\t\t\t\t<CodeRef targetGUID="${codeGuidOf(coding.codeId)}"/>`);
					if (coding.memo) {
						const noteGuid = guid('coding-memo', coding.id);
						notes.push({ guid: noteGuid, name: `Memo: ${c.pseudonym}`, text: coding.memo, creatingUser: user ? guid('user', coding.coderId) : undefined, created: coding.createdAt });
						lines.push(`\t\t\t\t\t<NoteRef targetGUID="${noteGuid}"/>`);
					}
					lines.push('\t\t\t\t</Coding>');
					lines.push('\t\t\t</PlainTextSelection>');
				}
				lines.push('\t\t</TextSource>');
			});
		}
		lines.push('\t</Sources>');
	}

	if (notes.length) {
		lines.push('\t<Notes>');
		for (const note of notes) {
			const user = note.creatingUser ? ` creatingUser="${note.creatingUser}"` : '';
			lines.push(`\t\t<Note guid="${note.guid}" name="${attr(note.name)}"${user} creationDateTime="${note.created.replace(/\.\d+Z$/, 'Z')}">`);
			lines.push(`\t\t\t<PlainTextContent>${text(note.text)}</PlainTextContent>`);
			lines.push('\t\t</Note>');
		}
		lines.push('\t</Notes>');
	}
	lines.push('</Project>');
	return { qde: `${lines.join('\n')}\n`, sources };
}
