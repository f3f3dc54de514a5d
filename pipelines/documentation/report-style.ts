// The printable reports' page: inline CSS readable on screen, one clean A4 column in print
// (no cut table rows, headings kept with their tables, bars printed in colour).

import { text } from './html';

export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: "Segoe UI", Calibri, Arial, sans-serif; color: #1d1d1b; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin: 0 0 0.2rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid #2f5d7c; padding-bottom: 0.2rem; }
.subtitle { margin: 0; color: #4a4a48; }
.meta { color: #5c5c5a; font-size: 0.9rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; color: #4a4a48; padding-bottom: 0.4rem; }
th, td { border-bottom: 1px solid #d6d6d3; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef3f6; }
td.count, td.share, th.count, th.share { text-align: right; white-space: nowrap; }
td.bar { width: 28%; }
.bar span { display: block; height: 0.8rem; background: #2f5d7c; border-radius: 2px; }
.suppressed { color: #6b6b69; font-style: italic; }
.note { font-size: 0.9rem; color: #3d3d3b; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .bar span { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/** The head line of a printable report: title, subtitle and "project · generated". */
export interface ReportHeading {
	locale: 'da' | 'en';
	title: string;
	subtitle: string;
	/** The words "Project" and "Generated" in the report's language. */
	projectWord: string;
	projectName: string;
	generatedWord: string;
	/** The date the report was made, already formatted for the locale. */
	generated: string;
	/** The report's own CSS after REPORT_CSS. */
	css?: string;
}

/**
 * A whole printable report (findings, documentation feedback, forest plot, step 6): one
 * standalone HTML page with the shared print style and heading around the report's own
 * sections (`body`, already HTML).
 */
export function reportPage(heading: ReportHeading, body: string): string {
	const h = heading;
	return `<!DOCTYPE html>
<html lang="${h.locale}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${text(`${h.title}: ${h.projectName}`)}</title>
<style>${REPORT_CSS}${h.css ?? ''}</style>
</head>
<body>
<header>
<h1>${text(h.title)}</h1>
<p class="subtitle">${text(h.subtitle)}</p>
<p class="meta">${text(h.projectWord)}: ${text(h.projectName)} · ${text(h.generatedWord)}: ${text(h.generated)}</p>
</header>
${body}
</body>
</html>
`;
}
