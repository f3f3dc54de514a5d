// The human-readable lines of a correlation report, shared by `stats correlate` and
// `analyse`: each statistic with its numbers, or "undefined (reason)".
import { isUndefinedStatistic, type CorrelationReport } from '../../pipelines/stats/index';

const coefficient = (value: number) => value.toFixed(3);

/** p to three significant digits; tiny values in exponent form, never rounded to 0. */
export function formatP(p: number): string {
	if (p === 0) return '0';
	return p < 0.001 ? p.toExponential(2) : p.toPrecision(3);
}

export function correlationLines(report: CorrelationReport, indent = '  '): string[] {
	const { pearson, spearman, partial } = report;
	const lines = [
		`Pearson r     ${isUndefinedStatistic(pearson) ? `undefined (${pearson.reason})` : `${coefficient(pearson.r)} (95% CI ${coefficient(pearson.ci[0])} to ${coefficient(pearson.ci[1])}), p = ${formatP(pearson.p)}`}`,
		`Spearman rho  ${isUndefinedStatistic(spearman) ? `undefined (${spearman.reason})` : `${coefficient(spearman.rho)}, p = ${formatP(spearman.p)}`}`
	];
	if (partial) {
		const head = `partial r     controlling ${partial.control} (n = ${partial.n}): `;
		lines.push(head + (isUndefinedStatistic(partial) ? `undefined (${partial.reason})` : `${coefficient(partial.r)}, p = ${formatP(partial.p)}`));
	}
	return lines.map((line) => indent + line);
}
