// The step-1 feedback report (HTML, printable, Danish first): the routines as the map
// shows them (actors, systems, artefacts, flows), then every flow with a problem
// (duplicated, broken, conflicting) with its note and the interview passages that show
// it. Excerpts appear only when the caller may read interviews (the route decides).
import { REPORT_CSS } from '../documentation/report-style';
import { text } from '../documentation/html';

export type Lang = 'da' | 'en';

export interface ReportNode {
	id: string;
	kind: 'actor' | 'system' | 'artefact';
	label: string;
	role: string | null;
	unit: string | null;
	side: 'authority' | 'provider' | null;
	systemKind: string | null;
}

export interface ReportPassage {
	interviewTitle: string;
	intervieweeRole: string;
	unit: string;
	date: string;
	codeLabelDa: string;
	codeLabelEn: string;
	excerpt?: string;
}

export interface ReportEdge {
	from: string;
	to: string;
	artefactLabel: string | null;
	systemId: string | null;
	frequency: string | null;
	status: 'working' | 'duplicated' | 'broken' | 'conflicting';
	note: string | null;
	passages: ReportPassage[];
}

export interface Step1ReportInput {
	projectName: string;
	generatedAt: Date;
	interviews: { intervieweeRole: string; unit: string; date: string }[];
	nodes: ReportNode[];
	edges: ReportEdge[];
	withExcerpts: boolean;
}

const WORDS = {
	da: {
		title: 'Kortlægning af dokumentationsrutiner',
		subtitle: 'Trin 1: tilbagemelding til organisationen',
		generated: 'Dannet',
		interviews: 'Interview',
		noInterviews: 'Ingen interview endnu.',
		role: 'Rolle',
		unit: 'Enhed',
		date: 'Dato',
		routines: 'Rutiner',
		actors: 'Aktører',
		systems: 'Systemer',
		artefacts: 'Dokumenttyper',
		flows: 'Flow',
		from: 'Fra',
		to: 'Til',
		what: 'Hvad',
		through: 'Gennem',
		often: 'Hvor ofte',
		status: 'Status',
		problems: 'Problemer i rutinerne',
		noProblems: 'Ingen flow er markeret som dobbelt, brudt eller modstridende.',
		note: 'Note',
		passages: 'Interviewpassager',
		noPassages: 'Ingen passager knyttet.',
		excerptsHidden: 'Uddrag af interview vises kun for roller, der må læse interview.',
		authority: 'myndighed',
		provider: 'udfører',
		counts: (flows: number, problems: number) => `${flows} flow, heraf ${problems} med problemer.`,
		status_: { working: 'fungerer', duplicated: 'dobbelt', broken: 'brudt', conflicting: 'modstridende' }
	},
	en: {
		title: 'Mapping documentation routines',
		subtitle: 'Step 1: feedback to the organisation',
		generated: 'Generated',
		interviews: 'Interviews',
		noInterviews: 'No interviews yet.',
		role: 'Role',
		unit: 'Unit',
		date: 'Date',
		routines: 'Routines',
		actors: 'Actors',
		systems: 'Systems',
		artefacts: 'Document types',
		flows: 'Flows',
		from: 'From',
		to: 'To',
		what: 'What',
		through: 'Through',
		often: 'How often',
		status: 'Status',
		problems: 'Problems in the routines',
		noProblems: 'No flow is marked duplicated, broken or conflicting.',
		note: 'Note',
		passages: 'Interview passages',
		noPassages: 'No passages linked.',
		excerptsHidden: 'Interview excerpts are shown only to roles that may read interviews.',
		authority: 'authority',
		provider: 'provider',
		counts: (flows: number, problems: number) => `${flows} flows, ${problems} with problems.`,
		status_: { working: 'working', duplicated: 'duplicated', broken: 'broken', conflicting: 'conflicting' }
	}
} as const;

export function renderStep1Report(input: Step1ReportInput, lang: Lang): string {
	const w = WORDS[lang];
	const byId = new Map(input.nodes.map((n) => [n.id, n]));
	const name = (id: string | null) => (id ? text(byId.get(id)?.label ?? '?') : '–');
	const problems = input.edges.filter((e) => e.status !== 'working');
	const list = (kind: ReportNode['kind'], describe: (n: ReportNode) => string) => {
		const nodes = input.nodes.filter((n) => n.kind === kind);
		return nodes.length ? `<ul>${nodes.map((n) => `<li>${text(n.label)}${describe(n)}</li>`).join('')}</ul>` : '<p class="note">–</p>';
	};
	const passage = (p: ReportPassage) =>
		`<li><span class="meta">${text(p.intervieweeRole)}, ${text(p.unit)} (${text(p.date)}) · ${text(lang === 'da' ? p.codeLabelDa : p.codeLabelEn)}</span>${
			input.withExcerpts && p.excerpt !== undefined ? `<blockquote>${text(p.excerpt)}</blockquote>` : ''
		}</li>`;
	return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"/><title>${text(w.title)} · ${text(input.projectName)}</title><style>${REPORT_CSS}
blockquote { margin: 0.3rem 0 0.6rem 1rem; padding-left: 0.6rem; border-left: 3px solid #8a8a87; white-space: pre-wrap; }
.status-duplicated { color: #7a5200; } .status-broken { color: #a3262a; } .status-conflicting { color: #6b2a8c; }
section.problem { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1rem; }
</style></head><body>
<h1>${text(w.title)}</h1>
<p class="subtitle">${text(input.projectName)} · ${text(w.subtitle)}</p>
<p class="meta">${text(w.generated)} ${input.generatedAt.toISOString().slice(0, 10)}</p>
<h2>${text(w.interviews)}</h2>
${
	input.interviews.length
		? `<table><thead><tr><th>${w.role}</th><th>${w.unit}</th><th>${w.date}</th></tr></thead><tbody>${input.interviews
				.map((i) => `<tr><td>${text(i.intervieweeRole)}</td><td>${text(i.unit)}</td><td>${text(i.date)}</td></tr>`)
				.join('')}</tbody></table>`
		: `<p>${w.noInterviews}</p>`
}
<h2>${text(w.routines)}</h2>
<p>${text(w.counts(input.edges.length, problems.length))}</p>
<h3>${text(w.actors)}</h3>
${list('actor', (n) => [n.role && n.role !== n.label ? n.role : null, n.unit, n.side ? w[n.side] : null].filter(Boolean).map((s) => ` · ${text(s!)}`).join(''))}
<h3>${text(w.systems)}</h3>
${list('system', () => '')}
<h3>${text(w.artefacts)}</h3>
${list('artefact', () => '')}
<h3>${text(w.flows)}</h3>
<table><thead><tr><th>${w.from}</th><th>${w.to}</th><th>${w.what}</th><th>${w.through}</th><th>${w.often}</th><th>${w.status}</th></tr></thead><tbody>${input.edges
		.map(
			(e) =>
				`<tr><td>${name(e.from)}</td><td>${name(e.to)}</td><td>${text(e.artefactLabel ?? '–')}</td><td>${name(e.systemId)}</td><td>${text(e.frequency ?? '–')}</td><td class="status-${e.status}">${w.status_[e.status]}</td></tr>`
		)
		.join('')}</tbody></table>
<h2>${text(w.problems)}</h2>
${problems.length ? '' : `<p>${w.noProblems}</p>`}
${input.withExcerpts ? '' : `<p class="note">${w.excerptsHidden}</p>`}
${problems
	.map(
		(e) => `<section class="problem"><h3>${name(e.from)} → ${name(e.to)}${e.artefactLabel ? ` (${text(e.artefactLabel)})` : ''}: <span class="status-${e.status}">${w.status_[e.status]}</span></h3>
<p><strong>${w.note}:</strong> ${text(e.note ?? '–')}</p>
<h4>${w.passages}</h4>
${e.passages.length ? `<ul>${e.passages.map(passage).join('')}</ul>` : `<p class="note">${w.noPassages}</p>`}</section>`
	)
	.join('\n')}
</body></html>`;
}
