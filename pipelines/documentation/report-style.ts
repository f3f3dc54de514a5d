// Inline CSS of the step-3 feedback report: readable on screen, one clean A4 column in print
// (no cut table rows, headings kept with their tables, bars printed in colour).

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
