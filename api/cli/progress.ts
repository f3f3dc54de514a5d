// A progress line on stderr when it is a terminal; silent otherwise (CI logs, pipes).
export function progressBar(label: string) {
	const tty = process.stderr.isTTY;
	let last = 0;
	return {
		update: (p: { rowsRead: number; imported: number; rejected: number }) => {
			const now = Date.now();
			if (!tty || now - last < 100) return;
			last = now;
			process.stderr.write(`\r${label}: ${p.rowsRead.toLocaleString('da-DK')} rækker læst, ${p.rejected} problemer`);
		},
		done: () => {
			if (tty && last) process.stderr.write('\n');
		}
	};
}
