// Messages for memos on codes and cases (Memos.svelte), and the mapping from the API's
// problem bodies to them. The identifier sentence also serves coding memos on the case page.
import type { Locale } from './i18n';

const da = {
	memos: 'Memoer',
	memosOn: 'Memoer om «{name}»',
	noMemos: 'Ingen memoer endnu.',
	newMemo: 'Nyt memo',
	addMemo: 'Tilføj memo',
	memoHint: 'Memoer pseudonymiseres ikke: skriv ingen CPR-numre, telefonnumre, e-mailadresser eller navne.',
	edit: 'Ret',
	editMemo: 'Ret memo',
	save: 'Gem',
	cancel: 'Fortryd',
	delete: 'Slet',
	deleteMemo: 'Slet memo',
	deleteConfirm: 'Slet memoet? Det kan ikke fortrydes.',
	edited: 'rettet {time}',
	added: 'Memoet er gemt.',
	saved: 'Ændringen er gemt.',
	deleted: 'Memoet er slettet.',
	kinds: { cpr: 'et CPR-nummer', phone: 'et telefonnummer', email: 'en e-mailadresse' } as Record<string, string>,
	and: 'og',
	problems: {
		identifier: 'Teksten indeholder {kinds}. Skriv den uden personoplysninger: memoer pseudonymiseres ikke.',
		empty: 'Skriv en tekst.',
		tooLong: 'Et memo må højst have 5.000 tegn.',
		notAuthor: 'Du kan kun rette og slette dine egne memoer.',
		noMemo: 'Memoet findes ikke længere.',
		noTarget: 'Koden eller sagen findes ikke (længere).',
		forbidden: 'Din rolle må ikke skrive memoer.',
		unknown: 'Det lykkedes ikke (HTTP {status}).'
	}
};

const en: typeof da = {
	memos: 'Memos',
	memosOn: 'Memos on “{name}”',
	noMemos: 'No memos yet.',
	newMemo: 'New memo',
	addMemo: 'Add memo',
	memoHint: 'Memos are not pseudonymised: write no CPR numbers, phone numbers, e-mail addresses or names.',
	edit: 'Edit',
	editMemo: 'Edit memo',
	save: 'Save',
	cancel: 'Cancel',
	delete: 'Delete',
	deleteMemo: 'Delete memo',
	deleteConfirm: 'Delete the memo? This cannot be undone.',
	edited: 'edited {time}',
	added: 'The memo is saved.',
	saved: 'The change is saved.',
	deleted: 'The memo is deleted.',
	kinds: { cpr: 'a CPR number', phone: 'a phone number', email: 'an e-mail address' },
	and: 'and',
	problems: {
		identifier: 'The text holds {kinds}. Write it without personal data: memos are not pseudonymised.',
		empty: 'Type a text.',
		tooLong: 'A memo has at most 5,000 characters.',
		notAuthor: 'You can edit and delete only your own memos.',
		noMemo: 'The memo no longer exists.',
		noTarget: 'The code or case does not exist (any more).',
		forbidden: 'Your role may not write memos.',
		unknown: 'That did not work (HTTP {status}).'
	}
};

export type MemoMessages = typeof da;
export const memoMessages: Record<Locale, MemoMessages> = { da, en };

export type MemoProblemKey = keyof MemoMessages['problems'];
export type MemoTargetKind = 'case' | 'code';

/** What the memo page actions ($lib/server/memo-actions.ts) answer, read by Memos.svelte from the page's form. */
export interface MemoDone {
	action: 'added' | 'saved' | 'deleted';
	target: MemoTargetKind;
	targetId: string;
	memoId: string;
}
export interface MemoRefusal {
	target: MemoTargetKind;
	targetId: string;
	memoId: string;
	problem: MemoProblem;
}
export interface MemoProblem {
	key: MemoProblemKey;
	status: number;
	/** For 'identifier': which kinds were found (cpr, phone, email), never the values. */
	kinds: string[];
}

/** Picks the message for an API problem body by status and details.reason. */
export function memoProblemFrom(status: number, body: unknown): MemoProblem {
	const details = (body as { error?: { details?: { reason?: string; kinds?: unknown } } } | null)?.error?.details;
	const reason = details?.reason;
	const kinds = Array.isArray(details?.kinds) ? details.kinds.map(String) : [];
	const key = ((): MemoProblemKey => {
		if (reason === 'identifier') return 'identifier';
		if (reason === 'empty') return 'empty';
		if (reason === 'too_long') return 'tooLong';
		if (reason === 'not_author') return 'notAuthor';
		if (reason === 'no_memo') return 'noMemo';
		if (status === 403) return 'forbidden';
		if (status === 404) return 'noTarget';
		if (status === 400) return 'tooLong'; // the route's own bound on the body
		return 'unknown';
	})();
	return { key, status, kinds };
}

/** "et CPR-nummer og en e-mailadresse": the kinds found, in words. */
export function identifierKindsText(locale: Locale, kinds: readonly string[]): string {
	const words = kinds.map((kind) => memoMessages[locale].kinds[kind] ?? kind);
	return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${memoMessages[locale].and} ${words.at(-1)}`;
}

/** The sentence for a memo problem (also for a coding memo refused for an identifier). */
export function memoProblemText(locale: Locale, problem: MemoProblem): string {
	return memoMessages[locale].problems[problem.key].replace('{kinds}', identifierKindsText(locale, problem.kinds)).replace('{status}', String(problem.status));
}
