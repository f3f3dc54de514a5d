// Passwords: the policy (NIST SP 800-63B: length, a list of common passwords, no
// composition rules) and hashing with argon2id at OWASP's minimum parameters or above.
// @node-rs/argon2 is a native binding: hashing takes ~20 ms off the event loop.
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../errors';

/** argon2id, 19 MiB, 2 iterations, 1 lane: OWASP's first recommended configuration.
 * (Algorithm.Argon2id is 2; the package's enum is an ambient const enum TS cannot import.) */
export const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_RECOMMENDED_LENGTH = 15;
/** Long enough for any passphrase; the cap only keeps hashing time bounded. */
export const PASSWORD_MAX_LENGTH = 256;

// zxcvbn's list of the ~49,000 most common passwords, plus the Danish ones it lacks:
// words Danish users choose (seasons, "kodeord", club and city names) and the
// workbench's own name.
const DANISH_COMMON = [
	'kodeord', 'kodeord1', 'kodeord123', 'adgangskode', 'adgangskode1', 'password1234', 'hejmeddig', 'hejhej123',
	'sommer2024', 'sommer2025', 'sommer2026', 'vinter2024', 'vinter2025', 'vinter2026', 'efteraar2025', 'foraar2026',
	'danmark', 'danmark1', 'danmark123', 'københavn', 'kobenhavn', 'aarhus123', 'odense123', 'brondby', 'brøndby',
	'fckøbenhavn', 'fck12345', 'superliga', 'mormor123', 'farfar123', 'kærlighed', 'elskerdig', 'jegelskerdig',
	'qwertyuiop', 'asdfghjkl', 'æøåæøåæø', '12345678910', 'effekt123', 'effektmaaling', 'socialrådgiver', 'kommune123'
];
const COMMON = new Set<string>([...dictionary['passwords-common'], ...DANISH_COMMON].map((p) => p.toLowerCase()));

/** Unicode passwords are compared in one normal form, so the same keys typed on another
 * keyboard layout or OS give the same password. */
export function normalisePassword(password: string): string {
	return password.normalize('NFKC');
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'same_as_username';

/** Why a new password is not acceptable, or null. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
	const normal = normalisePassword(password);
	const length = [...normal].length;
	if (length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'too_long';
	const lower = normal.toLowerCase();
	if (COMMON.has(lower)) return 'common';
	if (username && lower === username.toLowerCase()) return 'same_as_username';
	return null;
}

const PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
	too_short: `the password must have at least ${PASSWORD_MIN_LENGTH} characters (${PASSWORD_RECOMMENDED_LENGTH} or more recommended)`,
	too_long: `the password may have at most ${PASSWORD_MAX_LENGTH} characters`,
	common: 'the password is on the list of commonly used passwords: choose another',
	same_as_username: 'the password must not be the username'
};

/** Throws a 400 naming the field and the reason (code in details for the UI's own text). */
export function assertAcceptablePassword(password: string, username?: string): void {
	const problem = passwordProblem(password, username);
	if (problem) throw new AppError('bad_request', PROBLEM_MESSAGES[problem], { field: 'password', reason: problem });
}

export function hashPassword(password: string): Promise<string> {
	return hash(normalisePassword(password), ARGON2_PARAMS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, normalisePassword(password));
	} catch {
		return false; // a malformed stored hash is a failed sign-in, not a 500
	}
}

// A hash of a password nobody has, verified when the username is unknown so that a
// failed sign-in takes the same time whether or not the account exists.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
	return decoy;
}

/** A password for the first admin when none is configured: 20 characters of 57, ~116 bits. */
export function generatePassword(): string {
	const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	// 256 % 57 != 0: reject the top bytes to avoid bias.
	const limit = 256 - (256 % alphabet.length);
	let out = '';
	for (const b of bytes) if (b < limit) out += alphabet[b % alphabet.length];
	return out.length >= 20 ? out : out + generatePassword().slice(0, 20 - out.length);
}
