// Decoded text in pieces V8 can store one byte per character. One character beyond
// Latin-1 (an en dash, a curly quote, a euro sign) makes V8 store a whole string two
// bytes per character, and every cell sliced from it: one dash turned a megabyte of a
// journal export two-byte, and the pseudonymiser's patterns ran 2.3 times as slow on
// its cells. Lines holding such characters are kept as they are; the text between them
// is copied into one-byte strings, which costs a few milliseconds a megabyte.

const WIDE = /[^\x00-\xff]/g;

function oneByteCopy(text: string): string {
	return Buffer.from(text, 'latin1').toString('latin1');
}

/** Consecutive pieces that joined are `text`: whole lines with a wide character, and one-byte copies of the rest. */
export function oneBytePieces(text: string): string[] {
	WIDE.lastIndex = 0;
	let wide = WIDE.exec(text);
	if (!wide) return [text];
	const pieces: string[] = [];
	let done = 0;
	while (wide) {
		const lineStart = text.lastIndexOf('\n', wide.index) + 1;
		const lineBreak = text.indexOf('\n', wide.index);
		const lineEnd = lineBreak < 0 ? text.length : lineBreak + 1;
		if (lineStart > done) pieces.push(oneByteCopy(text.slice(done, lineStart)));
		pieces.push(text.slice(lineStart, lineEnd));
		done = lineEnd;
		WIDE.lastIndex = lineEnd;
		wide = WIDE.exec(text);
	}
	if (done < text.length) pieces.push(oneByteCopy(text.slice(done)));
	return pieces;
}
