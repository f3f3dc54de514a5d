// Reads the XML of a REFI-QDA codebook into plain element records (codes, sets) with the
// line each starts on. Only well-formedness and the root element are fatal; anything else
// the schema would refuse is reported as a problem so an almost-right export still imports.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportFileError } from '../import/types';
import type { ExchangeProblem } from './types';
import { QDC_NAMESPACE } from './refi-qda';
import { findBareAmpersand, locate } from './xml-text';

export interface RawCode {
	/** The attributes as written; `undefined` when absent. */
	guid?: string;
	name?: string;
	isCodable?: string;
	color?: string;
	description?: string;
	descriptionLine?: number;
	line: number;
	children: RawCode[];
}

export interface RawSet {
	guid?: string;
	name?: string;
	description?: string;
	memberGuids: { guid: string; line: number }[];
	line: number;
}

export interface RawCodebook {
	origin?: string;
	codes: RawCode[];
	sets: RawSet[];
	problems: ExchangeProblem[];
}

/** Codes nested deeper than this are refused: no codebook needs it, and it guards the recursion after parsing. */
export const MAX_CODE_DEPTH = 100;

/** Which child elements each element may hold (REFI-QDA Codebook.xsd). */
const CHILDREN: Record<string, readonly string[]> = {
	CodeBook: ['Codes', 'Sets'],
	Codes: ['Code'],
	Code: ['Description', 'Code'],
	Sets: ['Set'],
	Set: ['Description', 'MemberCode'],
	Description: [],
	MemberCode: []
};

interface Frame {
	element: string;
	line: number;
	code?: RawCode;
	set?: RawSet;
	/** Text of a Description element being read. */
	text?: string[];
	/** Inside an element that is being skipped. */
	ignored?: boolean;
}

/**
 * Parses a codebook document.
 * @throws ImportFileError naming file, line and column when the XML is not well-formed or
 * the root element is not a REFI-QDA CodeBook.
 */
export function parseQdcXml(xml: string, file: string): RawCodebook {
	const text = xml.replace(/^\uFEFF/, '');
	const parser = new SaxesParser({ xmlns: true, position: true });
	const result: RawCodebook = { codes: [], sets: [], problems: [] };
	const stack: Frame[] = [];
	let tagLine = 1;
	let tagStart = 0;
	let codeDepth = 0;
	/** saxes closes an element before it reports that the close tag did not match it. */
	let lastClosed: Frame | undefined;
	const failAt = (index: number, reason: string): never => {
		const { line, column } = locate(text, index);
		throw new ImportFileError(file, reason, line, `column ${column}`);
	};
	const fail = (reason: string): never => {
		throw new ImportFileError(file, reason, parser.line, `column ${Math.max(parser.column, 1)}`);
	};
	const problem = (line: number, column: string | null, reason: string) => result.problems.push({ line, column, reason });

	const start = text.search(/\S/);
	if (start < 0) throw new ImportFileError(file, 'empty file');
	if (text[start] !== '<') failAt(start, `not XML: the file starts with "${text.slice(start, start + 20).split(/\r?\n/)[0]}", not with <?xml or <CodeBook>`);

	parser.on('error', (error) => {
		const message = error.message.replace(/^\d+:\d+: /, '');
		// saxes reads a bare "&" as the start of a reference up to the next ";", so its
		// error comes late; the ampersand itself is where the file needs fixing.
		const ampersand = findBareAmpersand(text, parser.position);
		if (ampersand >= 0) failAt(ampersand, 'not well-formed XML: a bare "&" (write it as &amp;)');
		const unclosed = /^unclosed tag: (.+)$/.exec(message);
		const open = unclosed ? [...stack].reverse().find((frame) => frame.element === unclosed[1].split(':').pop()) : undefined;
		if (open) fail(`not well-formed XML: <${unclosed![1]}> opened on line ${open.line} is not closed`);
		if (message.startsWith('unexpected close tag') && lastClosed) {
			const closeAt = text.lastIndexOf('</', parser.position - 1);
			const closeTag = /^<\/[^>\s]*>?/.exec(text.slice(closeAt))?.[0] ?? '';
			failAt(closeAt, `not well-formed XML: unexpected close tag ${closeTag} while <${lastClosed.element}> opened on line ${lastClosed.line} is still open`);
		}
		fail(`not well-formed XML: ${message}`);
	});
	parser.on('opentagstart', () => {
		tagLine = parser.line;
		tagStart = text.lastIndexOf('<', parser.position - 1);
	});
	parser.on('opentag', (tag) => {
		const parent = stack[stack.length - 1];
		if (!parent) {
			checkRoot(tag, (reason) => failAt(tagStart, reason));
			result.origin = attribute(tag, 'origin');
			stack.push({ element: 'CodeBook', line: tagLine });
			return;
		}
		const known = tag.uri === QDC_NAMESPACE || tag.uri === '';
		if (parent.ignored || !known || !CHILDREN[parent.element].includes(tag.local)) {
			if (!parent.ignored) problem(tagLine, tag.name, `element <${tag.name}> is not expected in <${parent.element}>: ignored`);
			stack.push({ element: tag.local, line: tagLine, ignored: true });
			return;
		}
		const frame: Frame = { element: tag.local, line: tagLine };
		if (tag.local === 'Code') {
			if (++codeDepth > MAX_CODE_DEPTH) fail(`codes nested more than ${MAX_CODE_DEPTH} levels deep`);
			const code: RawCode = {
				guid: attribute(tag, 'guid'),
				name: attribute(tag, 'name'),
				isCodable: attribute(tag, 'isCodable'),
				color: attribute(tag, 'color'),
				line: tagLine,
				children: []
			};
			(parent.code ? parent.code.children : result.codes).push(code);
			frame.code = code;
		} else if (tag.local === 'Set') {
			frame.set = { guid: attribute(tag, 'guid'), name: attribute(tag, 'name'), memberGuids: [], line: tagLine };
			result.sets.push(frame.set);
		} else if (tag.local === 'MemberCode') {
			const guid = attribute(tag, 'guid');
			if (guid === undefined) problem(tagLine, 'guid', 'MemberCode without a guid: ignored');
			else parent.set!.memberGuids.push({ guid, line: tagLine });
		} else if (tag.local === 'Description') {
			frame.text = [];
		}
		stack.push(frame);
	});
	const onText = (text: string) => {
		const frame = stack[stack.length - 1];
		if (!frame || frame.ignored) return;
		if (frame.text) frame.text.push(text);
		else if (text.trim() !== '') problem(parser.line, null, `text in <${frame.element}> outside a Description: ignored`);
	};
	parser.on('text', onText);
	parser.on('cdata', onText);
	parser.on('closetag', () => {
		const frame = stack.pop()!;
		lastClosed = frame;
		if (frame.ignored) return;
		if (frame.element === 'Code') codeDepth--;
		if (frame.text) {
			const owner = stack[stack.length - 1];
			const holder = owner.code ?? owner.set!;
			if (holder.description !== undefined) problem(frame.line, 'Description', `a second Description in <${owner.element}>: added to the first`);
			const text = frame.text.join('');
			holder.description = holder.description === undefined ? text : `${holder.description}\n${text}`;
			if (owner.code && owner.code.descriptionLine === undefined) owner.code.descriptionLine = frame.line;
		}
	});

	parser.write(text).close();
	return result;
}

function checkRoot(tag: SaxesTagNS, fail: (reason: string) => never): void {
	if (tag.local === 'CodeBook' && (tag.uri === QDC_NAMESPACE || tag.uri === '')) return;
	const found = `<${tag.name}>${tag.uri ? ` in namespace ${tag.uri}` : ''}`;
	const hint = tag.local === 'Project' ? ' (this is a REFI-QDA project; export the codebook alone as .qdc)' : '';
	fail(`not a REFI-QDA codebook: the root element is ${found}, expected <CodeBook xmlns="${QDC_NAMESPACE}">${hint}`);
}

/** An attribute without a namespace prefix, as REFI-QDA writes them. */
function attribute(tag: SaxesTagNS, name: string): string | undefined {
	const found = tag.attributes[name];
	return found && found.uri === '' ? found.value : undefined;
}

