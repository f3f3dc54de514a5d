// What REFI-QDA's Codebook.xsd requires of names and values, in one place for the writer,
// the reader and the tests.

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** GUIDType: a UUID, optionally in braces, either case. */
export const GUID_PATTERN = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

/** RGBType: `#rrggbb` or `#rgb`. */
export const COLOR_PATTERN = /^#(?:[A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;

/** xsd:boolean as written in `isCodable`. */
export function parseXsdBoolean(value: string): boolean | undefined {
	const trimmed = value.trim();
	if (trimmed === 'true' || trimmed === '1') return true;
	if (trimmed === 'false' || trimmed === '0') return false;
	return undefined;
}

/** A GUID as one key: no braces, lower case (tools differ in both). */
export const guidKey = (guid: string) => guid.trim().replace(/[{}]/g, '').toLowerCase();
