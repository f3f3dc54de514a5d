// Reads a REFI-QDA project (.qdpx from NVivo, MAXQDA, ATLAS.ti, QualCoder or Effekt):
// its codebook (handed to the QDC reader, so codes get the same ids and fields as a
// .qdc import), its text sources with their plain text, their coded selections and the
// cases that group them. Pictures, PDFs, audio and video are counted and left out.
// Positions are code points of the source text (as written); the caller converts them.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportFileError } from '../import/types';
import { fromQdc } from '../codebook-exchange';
import { guidKey, QDC_NAMESPACE } from '../codebook-exchange/refi-qda';
import type { ImportedCodebook, ExchangeProblem } from '../codebook-exchange';
import { QDPX_NAMESPACE } from './qdpx-write';
import { unzipFiles } from './zip';

export interface ReadSelection {
	guid: string;
	start: number;
	end: number;
	/** GUIDs of the codes applied to the selection (lower case, no braces). */
	codeGuids: string[];
	line: number;
}

export interface ReadSource {
	guid: string;
	name: string;
	text: string;
	selections: ReadSelection[];
	line: number;
}

export interface ReadQdpx {
	projectName: string;
	codebook: ImportedCodebook | null;
	/** The codebook as a QDC document (what the project's codebook import takes). */
	qdc: string | null;
	sources: ReadSource[];
	/** Case name → GUIDs of its sources. */
	cases: { name: string; sourceGuids: string[] }[];
	problems: ExchangeProblem[];
	/** Sources of other kinds (pictures, PDFs, audio, video), left out. */
	skippedSources: number;
}

const OTHER_SOURCES = new Set(['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']);

export async function readQdpx(zip: Buffer, file: string): Promise<ReadQdpx> {
	let files: Map<string, Buffer>;
	try {
		files = await unzipFiles(zip);
	} catch (error) {
		throw new ImportFileError(file, `not a REFI-QDA project (.qdpx is a zip file): ${(error as Error).message}`);
	}
	const qdeName = [...files.keys()].find((name) => name.toLowerCase() === 'project.qde');
	if (!qdeName) throw new ImportFileError(file, 'the archive has no project.qde');
	const xml = files.get(qdeName)!.toString('utf8').replace(/^\uFEFF/, '');
	const qdeFile = `${file}/project.qde`;
	const out: ReadQdpx = { projectName: '', codebook: null, qdc: null, sources: [], cases: [], problems: [], skippedSources: 0 };

	const parser = new SaxesParser({ xmlns: true, position: true });
	const stack: string[] = [];
	let source: (ReadSource & { path?: string; content?: string[] }) | null = null;
	let selection: ReadSelection | null = null;
	let currentCase: { name: string; sourceGuids: string[] } | null = null;
	let inContent = false;
	parser.on('opentag', (tag: SaxesTagNS) => {
		const name = tag.local;
		const a = (n: string) => tag.attributes[n]?.value;
		const line = parser.line;
		if (stack.length === 0) {
			if (name !== 'Project' || tag.uri !== QDPX_NAMESPACE) throw new ImportFileError(qdeFile, `the root element is not <Project xmlns="${QDPX_NAMESPACE}">`, line);
			out.projectName = a('name') ?? '';
		}
		const parent = stack.at(-1);
		stack.push(name);
		if (name === 'TextSource' && parent === 'Sources') {
			source = { guid: guidKey(a('guid') ?? ''), name: a('name') ?? '', text: '', selections: [], line, path: a('plainTextPath') };
		} else if (OTHER_SOURCES.has(name) && parent === 'Sources') {
			out.skippedSources++;
		} else if (name === 'PlainTextContent' && source && parent === 'TextSource') {
			inContent = true;
			source.content = [];
		} else if (name === 'PlainTextSelection' && source && parent === 'TextSource') {
			const start = Number(a('startPosition'));
			const end = Number(a('endPosition'));
			if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
				out.problems.push({ line, column: 'startPosition', reason: `selection positions ${a('startPosition')}-${a('endPosition')} are not a span` });
			} else {
				selection = { guid: a('guid') ?? '', start, end, codeGuids: [], line };
			}
		} else if (name === 'CodeRef' && selection && parent === 'Coding') {
			const target = a('targetGUID');
			if (target) selection.codeGuids.push(guidKey(target));
		} else if (name === 'Case' && parent === 'Cases') {
			currentCase = { name: a('name') ?? '', sourceGuids: [] };
		} else if (name === 'SourceRef' && currentCase && parent === 'Case') {
			const target = a('targetGUID');
			if (target) currentCase.sourceGuids.push(guidKey(target));
		}
	});
	parser.on('text', (value: string) => {
		if (inContent && source?.content) source.content.push(value);
	});
	parser.on('closetag', (tag: SaxesTagNS) => {
		stack.pop();
		const name = tag.local;
		if (name === 'PlainTextContent') inContent = false;
		else if (name === 'PlainTextSelection' && selection && source) {
			source.selections.push(selection);
			selection = null;
		} else if (name === 'TextSource' && source && stack.at(-1) === 'Sources') {
			const s = source as ReadSource & { path?: string; content?: string[] };
			if (s.content) s.text = s.content.join('');
			else if (s.path?.startsWith('internal://')) {
				const wanted = `sources/${s.path.slice('internal://'.length)}`.toLowerCase();
				const entry = [...files.keys()].find((n) => n.toLowerCase() === wanted);
				if (!entry) out.problems.push({ line: s.line, column: 'plainTextPath', reason: `${s.path} is not in the archive; the source is left out` });
				else s.text = files.get(entry)!.toString('utf8').replace(/^\uFEFF/, '');
			} else {
				out.problems.push({ line: s.line, column: 'plainTextPath', reason: `source "${s.name}" has no text in the archive (external path or none); left out` });
			}
			if (s.content || s.text) out.sources.push({ guid: s.guid, name: s.name, text: s.text, selections: s.selections, line: s.line });
			source = null;
		} else if (name === 'Case' && currentCase) {
			out.cases.push(currentCase);
			currentCase = null;
		}
	});
	try {
		parser.write(xml).close();
	} catch (error) {
		if (error instanceof ImportFileError) throw error;
		const match = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec((error as Error).message);
		throw new ImportFileError(qdeFile, `not well-formed XML: ${match ? match[3] : (error as Error).message}`, match ? Number(match[1]) : undefined, match ? `column ${match[2]}` : undefined);
	}

	// The codebook: the project's <CodeBook> element is a QDC codebook in another namespace.
	const open = xml.search(/<CodeBook[\s>]/);
	const close = xml.lastIndexOf('</CodeBook>');
	if (open >= 0 && close > open) {
		const element = xml
			.slice(open, close + '</CodeBook>'.length)
			.replace(/^<CodeBook/, `<CodeBook xmlns="${QDC_NAMESPACE}"`)
			.replace(/<NoteRef\b[^>]*\/>/g, '');
		out.qdc = `<?xml version="1.0" encoding="UTF-8"?>\n${element}\n`;
		const read = fromQdc(out.qdc, qdeFile);
		out.codebook = read.codebook;
		out.problems.push(...read.problems);
	}
	return out;
}
