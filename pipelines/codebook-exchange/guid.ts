// Stable GUIDs for codes in a REFI-QDA file: the same codebook and code id give the same
// GUID on every export, so another tool recognises a re-exported code as the same code.
import { createHash } from 'node:crypto';

/** Effekt's UUID v5 namespace for codebook codes (a fixed random UUID; never change it). */
export const CODE_GUID_NAMESPACE = '3f6c2a8e-5b1d-4c47-9e2a-7d0b8f4e6a19';

/** A name-based UUID (RFC 9562 version 5, SHA-1) of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
	const hash = createHash('sha1')
		.update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
		.update(name, 'utf8')
		.digest();
	hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
	hash[8] = (hash[8] & 0x3f) | 0x80; // RFC variant
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The GUID of a code in a codebook: stable for the same codebook id and code id. */
export function codeGuid(codebookId: string, codeId: string): string {
	return uuidV5(CODE_GUID_NAMESPACE, `${codebookId}/${codeId}`);
}
