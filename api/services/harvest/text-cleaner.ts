// The cleaner every imported text passes through: the detectors' pseudonyms, then the
// names the project knows. Free of database code, so worker threads load it quickly.
import type { IdentifierKind, Pseudonymiser, ReplacementListener } from '../../../pipelines/pseudonymise/index';
import type { KnownNames } from '../../../pipelines/pseudonymise/known-names';

export const IDENTIFIER_KINDS = ['cpr', 'name', 'phone', 'email', 'address'] as const;
export type IdentifierCounts = Record<(typeof IDENTIFIER_KINDS)[number], number>;

export function emptyCounts(): IdentifierCounts {
	return { cpr: 0, name: 0, phone: 0, email: 0, address: 0 };
}

export interface TextCleaner {
	clean(text: string): string;
	readonly counts: IdentifierCounts;
}

/** Pseudonymises text with the detectors and then with the names this project knows. */
export function createTextCleaner(pseudonymiser: Pseudonymiser, knownNames: KnownNames, onReplace?: ReplacementListener): TextCleaner {
	const counts = emptyCounts();
	return {
		counts,
		clean(text) {
			if (!text) return text;
			const detected = pseudonymiser.pseudonymiseText(text, onReplace);
			for (const { kind, count } of detected.replaced) counts[kind === 'postcode' ? 'address' : kind] += count;
			const known = knownNames.replaceIn(detected.text, (name) => {
				const replacement = pseudonymiser.pseudonym('name', name);
				onReplace?.('name', name, replacement);
				return replacement;
			});
			counts.name += known.count;
			return known.text;
		}
	};
}

/** The counts added since `before` was copied from a cleaner's counts. */
export function countsSince(before: IdentifierCounts, now: IdentifierCounts): IdentifierCounts {
	const counts = { ...now };
	for (const kind of IDENTIFIER_KINDS) counts[kind] -= before[kind];
	return counts;
}

/** One replacement, as a ReplacementListener hears it. */
export type Replacement = [kind: IdentifierKind, original: string, pseudonym: string];
