import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { renderStep1Report, type Step1ReportInput } from './step1-report';

/** The report's text content, after parsing it as XML (it is written to be well-formed). */
function textOf(html: string): string {
	const parser = new SaxesParser();
	const errors: string[] = [];
	let text = '';
	parser.on('error', (error) => errors.push(error.message));
	parser.on('text', (t) => (text += t));
	parser.write(html).close();
	if (errors.length) throw new Error(errors.join('\n'));
	return text;
}

const input = (withExcerpts: boolean): Step1ReportInput => ({
	projectName: 'Familie & Børn <Vest>',
	generatedAt: new Date('2026-11-23T06:00:00Z'),
	interviews: [{ intervieweeRole: 'Sagsbehandler', unit: 'Børn og Familie', date: '2026-10-02' }],
	nodes: [
		{ id: 'a', kind: 'actor', label: 'Sagsbehandler', role: 'Sagsbehandler', unit: 'Børn og Familie', side: 'authority', systemKind: null },
		{ id: 'p', kind: 'actor', label: 'Familiebehandler', role: 'Familiebehandler', unit: 'Familiehuset', side: 'provider', systemKind: null },
		{ id: 's', kind: 'system', label: 'DUBU', role: null, unit: null, side: null, systemKind: 'case_system' }
	],
	edges: [
		{ from: 'a', to: 'p', artefactLabel: 'Handleplan', systemId: 's', frequency: 'ved hver sag', status: 'working', note: null, passages: [] },
		{
			from: 'p',
			to: 'a',
			artefactLabel: 'Statusudtalelse',
			systemId: null,
			frequency: 'hver 3. måned',
			status: 'conflicting',
			note: 'Siger noget andet end <handleplanen>',
			passages: [{ interviewTitle: 'I1', intervieweeRole: 'Sagsbehandler', unit: 'Børn og Familie', date: '2026-10-02', codeLabelDa: 'Handleplan', codeLabelEn: 'Action plan', excerpt: 'vi skriver den ind to gange' }]
		}
	],
	withExcerpts
});

describe('renderStep1Report', () => {
	it('lists routines and, under problems, only the flows with one, with note and excerpt', () => {
		const text = textOf(renderStep1Report(input(true), 'da'));
		expect(text).toContain('Familie & Børn <Vest>');
		expect(text).toContain('2 flow, heraf 1 med problemer.');
		const problems = text.slice(text.indexOf('Problemer i rutinerne'));
		expect(problems).toContain('Familiebehandler → Sagsbehandler (Statusudtalelse): modstridende');
		expect(problems).toContain('Siger noget andet end <handleplanen>');
		expect(problems).toContain('vi skriver den ind to gange');
		expect(problems).not.toContain('ved hver sag');
	});

	it('leaves excerpts out when the reader may not read interviews, and speaks English on request', () => {
		const text = textOf(renderStep1Report(input(false), 'en'));
		expect(text).not.toContain('vi skriver den ind to gange');
		expect(text).toContain('Interview excerpts are shown only to roles that may read interviews.');
		expect(text).toContain('Sagsbehandler, Børn og Familie (2026-10-02) · Action plan');
		expect(text).toContain('conflicting');
	});
});
