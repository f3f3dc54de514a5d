// Byte sizes as messages show them.

export const MiB = 1024 * 1024;

/** '512 MiB', '51.0 MiB', '4000 bytes'. */
export function formatBytes(n: number): string {
	if (n < MiB) return `${n} bytes`;
	return Number.isInteger(n / MiB) ? `${n / MiB} MiB` : `${(n / MiB).toFixed(1)} MiB`;
}
