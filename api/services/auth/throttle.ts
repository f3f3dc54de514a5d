// Sign-in rate limiting: failures are counted per username and per client address in a
// sliding window; past the limit, sign-in answers 429 with Retry-After until the oldest
// failure leaves the window. In memory: one workbench process serves one municipality,
// and a restart forgetting the counts is acceptable (the audit log keeps every failure).
// Also used for the current-password check of a password change (keyed by user id).

export interface ThrottleLimits {
	windowMs: number;
	perUsername: number;
	perAddress: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { windowMs: 15 * 60_000, perUsername: 5, perAddress: 50 };

export class LoginThrottle {
	private readonly failures = new Map<string, number[]>();

	constructor(
		private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
		private readonly now: () => number = Date.now
	) {}

	/**
	 * Seconds to wait before another attempt, or 0 when one is allowed: then the attempt
	 * is counted as a failure at once, before any password is checked, so that parallel
	 * attempts cannot all pass the check while the first is still hashing.
	 */
	attempt(username: string, address: string): number {
		const keys = [`u:${username.toLowerCase()}`, `a:${address}`];
		const wait = Math.max(this.wait(keys[0], this.limits.perUsername), this.wait(keys[1], this.limits.perAddress));
		if (wait > 0) return wait;
		for (const key of keys) {
			const list = this.recent(key);
			list.push(this.now());
			this.failures.set(key, list);
		}
		return 0;
	}

	/** A successful attempt is taken back: the username's failures clear, the address keeps its others. */
	succeeded(username: string, address: string): void {
		this.failures.delete(`u:${username.toLowerCase()}`);
		const list = this.failures.get(`a:${address}`);
		list?.pop();
		if (list && !list.length) this.failures.delete(`a:${address}`);
	}

	private recent(key: string): number[] {
		const cutoff = this.now() - this.limits.windowMs;
		const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
		if (list.length) this.failures.set(key, list);
		else this.failures.delete(key);
		return list;
	}

	private wait(key: string, limit: number): number {
		const list = this.recent(key);
		if (list.length < limit) return 0;
		const oldestThatCounts = list[list.length - limit];
		return Math.max(1, Math.ceil((oldestThatCounts + this.limits.windowMs - this.now()) / 1000));
	}
}
