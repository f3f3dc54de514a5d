// Sign-in rate limiting: failures are counted per username and per client address in a
// sliding window; past the limit, sign-in answers 429 with Retry-After until the oldest
// failure leaves the window. In memory: one workbench process serves one municipality,
// and a restart forgetting the counts is acceptable (the audit log keeps every failure).

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

	/** Seconds to wait before another attempt, or 0 when one is allowed now. */
	retryAfter(username: string, address: string): number {
		return Math.max(
			this.wait(`u:${username.toLowerCase()}`, this.limits.perUsername),
			this.wait(`a:${address}`, this.limits.perAddress)
		);
	}

	recordFailure(username: string, address: string): void {
		for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) {
			const list = this.recent(key);
			list.push(this.now());
			this.failures.set(key, list);
		}
	}

	/** A successful sign-in clears the username's failures (not the address's). */
	recordSuccess(username: string): void {
		this.failures.delete(`u:${username.toLowerCase()}`);
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
