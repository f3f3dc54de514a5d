// Turns the inflated bytes of an XML part into batches of plain events, so the XLSX reader
// can walk a sheet of any size with one chunk of events in memory at a time. Element names
// lose their namespace prefix (some writers emit <x:row>); DTD entities are never expanded.

import { SaxesParser } from 'saxes';

export type XmlEvent =
	| { kind: 'open'; name: string; attributes: Record<string, string> }
	| { kind: 'close'; name: string }
	| { kind: 'text'; text: string };

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** One batch of events per input chunk; a malformed document throws an Error with saxes' message. */
export async function* xmlEvents(chunks: AsyncIterable<Buffer>): AsyncGenerator<XmlEvent[]> {
	const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
	let batch: XmlEvent[] = [];
	parser.on('opentag', (tag) => batch.push({ kind: 'open', name: localName(tag.name), attributes: tag.attributes }));
	parser.on('closetag', (tag) => batch.push({ kind: 'close', name: localName(tag.name) }));
	parser.on('text', (text) => batch.push({ kind: 'text', text }));
	parser.on('cdata', (text) => batch.push({ kind: 'text', text }));
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of chunks) {
		parser.write(decoder.decode(chunk, { stream: true }));
		if (batch.length > 0) {
			yield batch;
			batch = [];
		}
	}
	parser.write(decoder.decode());
	parser.close();
	if (batch.length > 0) yield batch;
}

/** An attribute by local name: `id` finds `r:id` too. */
export function attribute(attributes: Record<string, string>, name: string): string | undefined {
	if (name in attributes) return attributes[name];
	for (const key of Object.keys(attributes)) if (localName(key) === name) return attributes[key];
	return undefined;
}
