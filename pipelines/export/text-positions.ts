// The workbench stores coding offsets in UTF-16 code units (what JavaScript strings and
// the browser count); REFI-QDA positions count characters, which QDA tools read as
// Unicode code points. The two agree for Danish text (æ, ø and å are one unit each) and
// differ after any character outside the Basic Multilingual Plane (an emoji is two
// units, one code point). Line breaks are characters like any other: a CRLF counts two.

/** The code point index of a UTF-16 offset (an offset inside a surrogate pair counts the pair as passed). */
export function codePointOffset(text: string, utf16: number): number {
	let points = 0;
	for (let i = 0; i < utf16 && i < text.length; i++) {
		const unit = text.charCodeAt(i);
		// A low surrogate after a high one closes a pair already counted.
		if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))) continue;
		points++;
	}
	return points;
}

/** The UTF-16 offset of a code point index; past the end gives the text's length. */
export function utf16Offset(text: string, points: number): number {
	let i = 0;
	for (let p = 0; p < points && i < text.length; p++) {
		i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
	}
	return i;
}

/** The text's length in code points. */
export const codePointLength = (text: string) => codePointOffset(text, text.length);

/** Characters `start` to `end` (code points) of a text. */
export const sliceCodePoints = (text: string, start: number, end: number) => text.slice(utf16Offset(text, start), utf16Offset(text, end));

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
