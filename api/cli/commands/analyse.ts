// effekt analyse [--project P] [--rater client|collateral]: the project's FIT findings,
// per-case metrics and the correlations of duration, alliance and sessions with change,
// as api/services/findings.ts computes them for the web. --json gives the contract's
// snake_case document (../shared/architecture.md "analyse").
import { isUndefinedStatistic, type Defined } from '../../../pipelines/stats/index';
import { RATER_TYPES, type CaseFitMetrics, type RaterType } from '../../../pipelines/fit/index';
import { projectFindings, type ProjectFindings } from '../../services/findings';
import { correlationLines } from '../correlation-text';
import { CliError } from '../output';
import { cliAccess, resolveProject } from '../project-option';
import type { Command } from '../command';

const USAGE = 'effekt analyse [--project P] [--rater client|collateral] [--json]';

function caseDocument(c: CaseFitMetrics) {
	return {
		case_id: c.caseId,
		sessions: c.sessions,
		duration_days: c.durationDays,
		intake_ors: c.intakeOrs,
		last_ors: c.lastOrs,
		change: c.change,
		effect_size: c.effectSize,
		severity_adjusted: c.severityAdjustedEffect,
		rci_class: c.rciClass,
		mean_srs: c.meanSrs,
		age_band: c.ageBand,
		progression: c.progression,
		outcome_sessions: c.outcomeSessions,
		duration_source: c.durationSource,
		significantly_improved: c.significantlyImproved,
		cutoff: c.cutoff,
		first_srs: c.firstSrs,
		min_srs: c.minSrs,
		share_srs_below_concern: c.shareSrsBelowConcern,
		srs_drops: c.srsDrops
	};
}

/** The JSON document: the contract's `cases` and `correlations`, then how they were made. */
export function findingsDocument(f: ProjectFindings) {
	const model = f.reference.expectedChange;
	return {
		rater: f.rater,
		cases: f.cases?.map(caseDocument),
		correlations: f.correlations,
		reference: {
			n: f.reference.n,
			sd: f.reference.sd,
			sd_source: f.reference.sdSource,
			expected_change: isUndefinedStatistic(model) ? model : { intercept: model.intercept, slope: model.slope, residual_sd: model.residualSd, n: model.n }
		},
		exclusions: {
			cases: f.exclusions.cases,
			included: f.exclusions.included,
			no_progression: f.exclusions.noProgression,
			no_progression_with_ycors: f.exclusions.noProgressionWithYcors,
			ycors_ratings_left_out: f.exclusions.ycorsRatingsLeftOut
		},
		settings: f.settings
	};
}

const number = (value: Defined<number>, digits: number) => (isUndefinedStatistic(value) ? `undefined (${value.reason})` : value.toFixed(digits));

function human(projectName: string, f: ProjectFindings): string {
	const e = f.exclusions;
	const model = f.reference.expectedChange;
	const lines = [
		`${projectName}: FIT findings, ${f.rater} ratings`,
		`  ${e.cases} cases; ${e.included} with a progression (2+ ORS/CORS sessions); ${e.noProgression} without (${e.noProgressionWithYcors} of them had YCORS, which is not scored); ${e.ycorsRatingsLeftOut} YCORS ratings left out`,
		`  SD of intake (${f.reference.sdSource === 'normative' ? 'normative, from the settings' : 'reference sample'}): ${number(f.reference.sd, 2)}`,
		`  expected change = ${isUndefinedStatistic(model) ? `undefined (${model.reason})` : `${model.intercept.toFixed(2)} + ${model.slope.toFixed(3)} * intake (n = ${model.n}, residual SD ${model.residualSd.toFixed(2)})`}`
	];
	for (const [name, label] of [['duration_effect', 'duration (days)'], ['alliance_effect', 'alliance (mean SRS)'], ['sessions_effect', 'sessions']] as const) {
		const report = f.correlations[name];
		lines.push(`  ${name}: ${label} and change, n = ${report.n}`, ...correlationLines(report, '    '));
	}
	lines.push('  Per-case metrics: --json');
	return lines.join('\n');
}

export const analyseCommand: Command = {
	name: 'analyse',
	summary: 'FIT findings of a project: per-case metrics and correlations with change',
	usage: USAGE,
	options: { project: { type: 'string' }, rater: { type: 'string', default: 'client' } },
	async run({ values, positionals, openRuntime, out }) {
		if (positionals.length) throw new CliError(`unexpected argument "${positionals[0]}" (usage: ${USAGE})`, 2);
		const rater = values.rater as RaterType;
		if (!RATER_TYPES.includes(rater)) throw new CliError(`--rater: expected client or collateral, got "${values.rater}"`, 2);
		const runtime = await openRuntime('effekt analyse');
		try {
			const db = runtime.database.db;
			const project = await resolveProject(db, values.project as string | undefined, out);
			const findings = await projectFindings(db, await cliAccess(db, project.id), { rater });
			out.result(findingsDocument(findings), () => human(project.name, findings));
		} finally {
			await runtime.close();
		}
	}
};
