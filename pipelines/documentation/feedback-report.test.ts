import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { feedbackReportHtml, type FeedbackReportInput } from './feedback-report';

interface Element {
	name: string;
	attributes: Record<string, string>;
	children: Element[];
	text: string;
}

/** Parses the report as XML (it is written to be well-formed): throws on any error, returns the tree. */
function parse(html: string): Element {
	const parser = new SaxesParser();
	const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
	const stack = [root];
	const errors: string[] = [];
	parser.on('error', (error) => errors.push(error.message));
	parser.on('opentag', (tag) => {
		const element: Element = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
		stack.at(-1)!.children.push(element);
		stack.push(element);
	});
	parser.on('closetag', () => void stack.pop());
	parser.on('text', (t) => {
		for (const element of stack) element.text += t;
	});
	parser.write(html).close();
	if (errors.length) throw new Error(errors.join('\n'));
	return root;
}

function findAll(element: Element, test: (e: Element) => boolean): Element[] {
	return [...(test(element) ? [element] : []), ...element.children.flatMap((c) => findAll(c, test))];
}

const byId = (root: Element, id: string) => findAll(root, (e) => e.attributes.id === id)[0];
const countCells = (section: Element) => findAll(section, (e) => e.name === 'td' && /\bcount\b/.test(e.attributes.class ?? '')).map((e) => e.text.trim());
const rowOf = (section: Element, heading: string) => findAll(section, (e) => e.name === 'tr').find((tr) => tr.children[0]?.text === heading)!;

const input = (over: Partial<FeedbackReportInput> = {}): FeedbackReportInput => ({
	projectName: 'Familieafdelingen 2024',
	generatedAt: '2025-03-01T12:00:00Z',
	locale: 'da',
	cases: 40,
	coverage: [
		{ artefact: 'underretning', casesWith: 3 },
		{ artefact: 'afgoerelse_bevilling', casesWith: 38 },
		{ artefact: 'journalnotat', casesWith: 40 },
		{ artefact: 'fit_maaling', casesWith: 0 },
		{ artefact: 'boernesamtale', casesWith: 20 }
	],
	commonGaps: [
		{ kind: 'measure_without_decision', count: 1 },
		{ kind: 'no_child_interview', count: 20 },
		{ kind: 'closed_without_closing_note', count: 4 },
		{ kind: 'measure_without_plan', count: 2 },
		{ kind: 'undated_entries', count: 3 },
		{ kind: 'outdated_assessment', count: 5 },
		{ kind: 'measure_without_vum', count: 0 }
	],
	completeness: { mean: 0.62, median: 0.6, quartiles: [0.4, 0.8] },
	...over
});

describe('feedbackReportHtml', () => {
	const html = feedbackReportHtml(input());
	const root = parse(html);

	it('is a complete, well-formed, printable document without scripts', () => {
		expect(html.startsWith('<!DOCTYPE html>\n<html lang="da">')).toBe(true);
		expect(findAll(root, (e) => e.name === 'html')).toHaveLength(1);
		expect(findAll(root, (e) => e.name === 'meta' && e.attributes.charset === 'utf-8')).toHaveLength(1);
		expect(findAll(root, (e) => e.name === 'style')[0].text).toContain('@media print');
		expect(html).not.toMatch(/<script|\son[a-z]+=|<link|<img/i);
		expect(findAll(root, (e) => e.name === 'h2').map((e) => e.text)).toEqual(['Sammenfatning', 'Dækning pr. dokumenttype', 'Hyppigste mangler', 'Om tallene']);
	});

	it('escapes the project name', () => {
		const hostile = feedbackReportHtml(input({ projectName: '<script>alert("x")</script> & \'Co\'\u0007' }));
		expect(hostile).not.toMatch(/<script/i);
		expect(hostile).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
		const title = findAll(parse(hostile), (e) => e.name === 'title')[0];
		expect(title.text).toBe('Dokumentationsanalyse: <script>alert("x")</script> & \'Co\'\uFFFD');
	});

	it('summarises in Danish with the completeness distribution and the most frequent gap', () => {
		const summary = byId(root, 'summary').text;
		expect(summary).toContain('Analysen bygger på 40 sager.');
		expect(summary).toMatch(/i gennemsnit 62\s%.*median 60\s%.*mellem 40\s% og 80\s%/s);
		expect(summary).toContain('Den hyppigste mangel er »Ingen børnesamtale« (20 sager).');
	});

	it('shows coverage per artefact type in codebook order, with labels, counts and shares', () => {
		const coverage = byId(root, 'coverage');
		const rows = findAll(coverage, (e) => e.name === 'tbody')[0].children.map((tr) => tr.children[0].text);
		expect(rows).toEqual(['Underretning', 'Afgørelse/bevilling', 'Journalnotat', 'Børnesamtale', 'FIT-måling']);
		expect(rowOf(coverage, 'Børnesamtale').children.map((c) => c.text.trim()).slice(1, 3)).toEqual(['20', expect.stringMatching(/^50\s%$/)]);
		expect(rowOf(coverage, 'Journalnotat').children[1].text).toBe('40');
		expect(rowOf(coverage, 'FIT-måling').children[1].text).toBe('0');
	});

	it('suppresses counts of 1-4 cases and complements of 1-4 as "færre end 5"', () => {
		const coverage = byId(root, 'coverage');
		expect(rowOf(coverage, 'Underretning').children.slice(1, 3).map((c) => c.text)).toEqual(['færre end 5', '–']);
		// 38 of 40 would tell that 2 cases lack a decision.
		expect(rowOf(coverage, 'Afgørelse/bevilling').children[1].text).toBe('alle på nær færre end 5');
		expect(countCells(coverage).filter((t) => /^[1-4]$/.test(t))).toEqual([]);
	});

	it('lists gaps by frequency with recommendations, and no gap count of 1-4', () => {
		const gaps = byId(root, 'gaps');
		const cells = countCells(gaps);
		expect(cells).toEqual(['20', '5', 'færre end 5', 'færre end 5', 'færre end 5', 'færre end 5']);
		expect(cells.some((t) => /^[1-4]$/.test(t))).toBe(false);
		expect(gaps.text).not.toMatch(/(^|[^\d,])[1-4]\s%/);
		expect(rowOf(gaps, 'Ingen børnesamtale').children[3].text).toContain('Hold og journalisér en samtale med barnet');
		expect(gaps.text).not.toContain('Indsats uden VUM-udredning'); // a count of 0 is not a frequent gap
	});

	it('explains the suppression to the reader', () => {
		expect(byId(root, 'about').text).toContain('Tal under 5 sager vises som »færre end 5«');
		expect(byId(root, 'about').text).toContain('FIT-målinger');
	});

	it('hides the number of cases and the completeness when there are fewer than 5 cases', () => {
		const small = parse(feedbackReportHtml(input({ cases: 4, coverage: [{ artefact: 'journalnotat', casesWith: 4 }, { artefact: 'underretning', casesWith: 0 }], commonGaps: [{ kind: 'no_child_interview', count: 2 }] })));
		const summary = byId(small, 'summary').text;
		expect(summary).toContain('Analysen bygger på færre end 5 sager.');
		expect(summary).toContain('Kompletheden vises ikke');
		expect(summary).not.toMatch(/\d\s%/);
		expect(countCells(small)).toEqual(['0', 'færre end 5', 'færre end 5']); // underretning, journalnotat, the gap
	});

	it('writes English when asked, with the same suppression', () => {
		const english = feedbackReportHtml(input({ locale: 'en' }));
		const tree = parse(english);
		expect(english).toContain('<html lang="en">');
		expect(byId(tree, 'summary').text).toContain('The analysis covers 40 cases.');
		expect(rowOf(byId(tree, 'coverage'), 'Report of concern').children[1].text).toBe('fewer than 5');
		expect(byId(tree, 'about').text).toContain('shown as “fewer than 5”');
		expect(english).not.toContain('færre');
	});

	it('honours a higher threshold and refuses one below 3', () => {
		const strict = parse(feedbackReportHtml(input({ threshold: 10 })));
		expect(countCells(byId(strict, 'gaps'))[1]).toBe('færre end 10');
		expect(() => feedbackReportHtml(input({ threshold: 2 }))).toThrow(RangeError);
	});

	it('says so when there are no gaps', () => {
		const none = parse(feedbackReportHtml(input({ commonGaps: [] })));
		expect(byId(none, 'gaps').text).toContain('Reglerne fandt ingen mangler');
	});

	it('refuses figures that cannot be right rather than print them', () => {
		expect(() => feedbackReportHtml(input({ coverage: [{ artefact: 'journalnotat', casesWith: 41 }] }))).toThrow(/coverage of journalnotat/);
		expect(() => feedbackReportHtml(input({ completeness: { mean: Number.NaN, median: 0.5, quartiles: [0, 1] } }))).toThrow(RangeError);
		expect(() => feedbackReportHtml(input({ cases: 2.5 }))).toThrow(RangeError);
	});
});
