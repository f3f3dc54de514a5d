// The printable feedback report of the literature mirror: one standalone HTML document
// (inline CSS and SVG, no scripts) with, per factor, the forest plot, the summary and a
// table of the studies, the pooled estimate and the local estimate. Like the findings
// report it holds only aggregates: the local estimate is shown as the findings view
// publishes it (suppressed or undefined is said, never drawn).
import { reportPage } from '../documentation/report-style';
import { text } from '../documentation/html';
import { PRISMA_WORDS } from './prisma-words';
import type { PrismaCounts } from './prisma';
import { isUndefinedStatistic } from '../stats/result';
import { factorTitle, forestSvg, formatR, mirrorSummary, type FactorMirror, type Locale } from './forest';

export interface MirrorReportInput {
	projectName: string;
	generatedAt: Date;
	locale: Locale;
	factors: FactorMirror[];
	prisma: PrismaCounts;
}

const WORDS = {
	da: {
		title: 'Spejling i forskningen',
		subtitle: 'Lokale resultater holdt op mod litteraturens effektstørrelser (korrelationer, r)',
		project: 'Projekt',
		generated: 'Dannet',
		pooled: 'Samlet (random effects)',
		local: 'Lokalt estimat',
		localMissing: { suppressed: 'vises ikke (for få forløb)', undefined: 'ikke defineret', not_permitted: 'kræver adgang til nøgletal' },
		table: 'Effektstørrelser',
		head: ['Studie', 'n', 'r', '95 % KI', 'Vægt'],
		method:
			'Effektstørrelser (r, d, g, OR) er omregnet til r og Fishers z (Borenstein m.fl. 2009, kap. 7) og samlet med en random effects-model (DerSimonian-Laird) på z-skalaen; estimat og interval er omregnet tilbage til r.',
		prisma: 'Udvælgelse (PRISMA)'
	},
	en: {
		title: 'Mirroring in the research',
		subtitle: 'Local results set beside the effect sizes of the literature (correlations, r)',
		project: 'Project',
		generated: 'Generated',
		pooled: 'Pooled (random effects)',
		local: 'Local estimate',
		localMissing: { suppressed: 'not shown (too few cases)', undefined: 'not defined', not_permitted: 'needs access to aggregates' },
		table: 'Effect sizes',
		head: ['Study', 'n', 'r', '95% CI', 'Weight'],
		method:
			'Effect sizes (r, d, g, OR) are converted to r and Fisher z (Borenstein et al. 2009, ch. 7) and pooled with a random-effects model (DerSimonian-Laird) on the z scale; estimate and interval are transformed back to r.',
		prisma: 'Selection (PRISMA)'
	}
} as const;

const EXTRA_CSS = `
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
section.factor { break-inside: avoid; page-break-inside: avoid; }
@media print { svg { max-width: 100%; } }
`;

export function localMissingLabel(mirror: FactorMirror, locale: Locale): string {
	return mirror.local.state === 'available' ? '' : WORDS[locale].localMissing[mirror.local.state];
}

export function mirrorReportHtml({ projectName, generatedAt, locale, factors, prisma }: MirrorReportInput): string {
	const w = WORDS[locale];
	const p = PRISMA_WORDS[locale];
	const f = (v: number) => formatR(v, locale);
	const pct = (v: number) => `${(v * 100).toFixed(0)}${locale === 'da' ? ' %' : '%'}`;
	const generated = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(generatedAt);
	const sections = factors.map((mirror) => {
		const title = factorTitle(mirror.factor, locale);
		const svg = forestSvg(mirror, { title, pooled: w.pooled, local: w.local, localMissing: localMissingLabel(mirror, locale) }, locale);
		const pooled = isUndefinedStatistic(mirror.pooled) ? null : mirror.pooled;
		const rows = mirror.rows.map(
			(r) => `<tr><th scope="row">${text(r.study)}${r.label ? ` – ${text(r.label)}` : ''}</th><td class="num">${r.n}</td><td class="num">${f(r.r)}</td><td class="num">${f(r.ci[0])} – ${f(r.ci[1])}</td><td class="num">${pct(r.weight)}</td></tr>`
		);
		if (pooled) rows.push(`<tr><th scope="row">${text(w.pooled)}</th><td class="num"></td><td class="num">${f(pooled.r)}</td><td class="num">${f(pooled.rCi[0])} – ${f(pooled.rCi[1])}</td><td class="num">${pct(1)}</td></tr>`);
		const local = mirror.local;
		rows.push(
			local.state === 'available'
				? `<tr><th scope="row">${text(w.local)}</th><td class="num">${local.n}</td><td class="num">${f(local.r)}</td><td class="num">${f(local.ci[0])} – ${f(local.ci[1])}</td><td class="num"></td></tr>`
				: `<tr><th scope="row">${text(w.local)}</th><td colspan="4">${text(localMissingLabel(mirror, locale))}</td></tr>`
		);
		return `<section class="factor" id="${mirror.factor}">
<h2>${text(title)}</h2>
<ul>${mirrorSummary(mirror, locale).map((line) => `<li>${text(line)}</li>`).join('')}</ul>
<figure>${svg}</figure>
<table><caption>${text(w.table)}</caption>
<thead><tr>${w.head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${text(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
	});
	const prismaRows = [
		[p.identified, prisma.identified],
		[p.duplicatesRemoved, prisma.duplicatesRemoved],
		[p.screened, prisma.screened],
		[p.excluded, prisma.excluded],
		...Object.entries(prisma.excludedByReason)
			.filter(([, n]) => n > 0)
			.map(([reason, n]) => [`– ${p.reasons[reason as keyof typeof p.reasons]}`, n] as [string, number]),
		[p.included, prisma.included]
	] as [string, number][];
	return reportPage(
		{ locale, title: w.title, subtitle: w.subtitle, projectWord: w.project, projectName, generatedWord: w.generated, generated, css: EXTRA_CSS },
		`${sections.join('\n')}
<section id="prisma">
<h2>${text(w.prisma)}</h2>
<table><tbody>${prismaRows.map(([label, n]) => `<tr><th scope="row">${text(label)}</th><td class="num">${n}</td></tr>`).join('\n')}</tbody></table>
<p>${text(w.method)}</p>
</section>`
	);
}
