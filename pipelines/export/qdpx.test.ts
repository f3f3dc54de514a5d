// The REFI-QDA writer and reader without a database: a small project with what goes wrong
// in practice (a project name with & and <, an emoji and CRLF before a coded passage, a
// whole-entry coding, a retired code, a negative number, missing values, memos) is valid
// against Project.xsd, its selections cut out the coded text, and reading it back gives
// the same sources, positions and codes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeGuid } from '../codebook-exchange';
import { buildExport, readQdpx, sliceCodePoints, unzipFiles, type ExportCase, type ExportProject } from './index';
import { undefinedStatistic } from '../stats/index';

const XSD = new URL('../../../shared/refi-qda/Project.xsd', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'effekt-qdpx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'Første møde 🙂 gik godt.\r\nÅse siger: «vi er enige om målet».';
const variables = {
	intake_date: { value: '2024-01-10' },
	end_date: { value: '2024-06-01' },
	duration_days: { value: 143 },
	journal_entries: { value: 1 },
	interventions: { value: ['familiebehandling'] },
	settings: { value: [] },
	alliance_positive: { value: 2 },
	alliance_negative: { value: 0 },
	outcome: { undefined: 'not_coded' },
	situation_at_discharge: { undefined: 'not_coded' },
	closing_reason: { undefined: 'not_recorded' }
} as ExportCase['variables'];
const fit = {
	caseId: 'x',
	ageBand: '13-17',
	progression: true,
	sessions: 4,
	outcomeSessions: 4,
	durationDays: 143,
	durationSource: 'case',
	intakeOrs: 18.5,
	lastOrs: 15.2,
	change: -3.3000000000000007,
	effectSize: undefinedStatistic('no reference SD'),
	severityAdjustedEffect: -0.41234567891,
	significantlyImproved: false,
	rciClass: 'no_reliable_change',
	cutoff: 28,
	meanSrs: 37.25,
	firstSrs: 36,
	minSrs: 35,
	shareSrsBelowConcern: 0,
	srsDrops: 0
} as unknown as NonNullable<ExportCase['fit']['client']>;

const project: ExportProject = {
	projectId: '11111111-1111-4111-8111-111111111111',
	name: 'Alliance & effekt <pilot>',
	generatedAt: new Date('2026-11-23T08:00:00.000Z'),
	codes: [
		{ id: 'c1', codebook: 'alliance', key: 'maalenighed', labelDa: 'Målenighed', labelEn: 'Agreement on goals', retired: false },
		{ id: 'c2', codebook: 'alliance', key: 'gammel', labelDa: 'Gammel kode', labelEn: 'Old code', retired: true }
	],
	codebooks: [
		{
			id: 'alliance',
			version: '1.0.0',
			label: { da: 'Alliance', en: 'Alliance' },
			description: { da: 'Alliance', en: 'Alliance' },
			appliesTo: 'both',
			level: 'segment',
			codes: [
				{ id: 'maalenighed', label: { da: 'Målenighed', en: 'Agreement on goals' }, definition: { da: 'Enige om målet.' }, keywords: ['målet'], examples: ['Vi er enige om målet.'] },
				{ id: 'gammel', label: { da: 'Gammel kode', en: 'Old code' }, definition: { da: 'Udgået.' }, keywords: [], examples: [], retired: true }
			]
		}
	],
	cases: [
		{
			id: '22222222-2222-4222-8222-222222222222',
			pseudonym: 'S-abcdefghjkm',
			targetGroup: 'children',
			ageBand: '13-17',
			unit: 'Familiehuset',
			practitioner: 'P-bcdefghjkmn',
			basis: 'all',
			variables,
			fit: { client: fit, collateral: null },
			entries: [{ id: '33333333-3333-4333-8333-333333333333', text: TEXT, date: '2024-01-10', entryType: 'journalnotat' }],
			codings: [
				{ id: '44444444-4444-4444-8444-444444444441', entryId: '33333333-3333-4333-8333-333333333333', codeId: 'c1', start: TEXT.indexOf('🙂'), end: TEXT.indexOf('Åse') + 3, coderId: 'u1', origin: 'manual', memo: 'Tydeligt & klart', createdAt: '2026-11-01T10:00:00.000Z' },
				{ id: '44444444-4444-4444-8444-444444444442', entryId: '33333333-3333-4333-8333-333333333333', codeId: 'c2', start: null, end: null, coderId: 'u2', origin: 'import', memo: null, createdAt: '2026-11-01T10:05:00.000Z' }
			],
			shiftDays: -30
		}
	],
	memos: [{ id: 'm1', caseId: null, codeId: 'c1', text: 'Kodes kun ved <eksplicit> enighed.', authorId: 'u1', createdAt: '2026-11-02T09:00:00.000Z' }],
	coders: new Map([
		['u1', 'coder_1'],
		['u2', 'coder_2']
	])
};

const validate = (name: string, xml: string) => {
	const file = join(dir, name);
	writeFileSync(file, xml);
	execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
};

describe('REFI-QDA project export and import', () => {
	it('writes a valid project whose selections cut out the coded text, and reads it back', async () => {
		const file = await buildExport(project, 'qdpx', { includeText: true, shiftDates: true });
		const files = await unzipFiles(file.body);
		const qde = files.get('project.qde')!.toString('utf8');
		validate('with-text.qde', qde);
		expect(qde).toContain('name="Alliance &amp; effekt &lt;pilot&gt;"');
		expect(qde).toContain('<FloatValue>-3.3</FloatValue>');
		expect(qde).toContain('<FloatValue>-0.412346</FloatValue>');
		expect(qde).toContain('<DateValue>2023-12-11</DateValue>'); // shifted by -30 days
		expect(qde).toContain(`<CodeRef targetGUID="${codeGuid('alliance', 'maalenighed')}"/>`);
		expect(qde).toMatch(/<Code guid="[^"]+" name="Gammel kode" isCodable="false">/);
		expect(qde).toContain('Kodes kun ved &lt;eksplicit&gt; enighed.');
		expect(qde.match(/.{60}(?:<(?:Float|Integer|Text)Value><\/|NaN|undefined).{20}/)?.[0]).toBeUndefined(); // undefined values are left out, not written empty

		const read = await readQdpx(file.body, 'test.qdpx');
		expect(read.problems).toEqual([]);
		expect(read.sources).toHaveLength(1);
		const [source] = read.sources;
		expect(source.text).toBe(TEXT);
		const cut = source.selections.map((s) => sliceCodePoints(source.text, s.start, s.end));
		expect(cut).toEqual(['🙂 gik godt.\r\nÅse', TEXT]);
		// The emoji is one character, two UTF-16 units: the start (before it) is the same, the end one less.
		expect(source.selections[0].start).toBe(TEXT.indexOf('🙂'));
		expect(source.selections[0].end).toBe(TEXT.indexOf('Åse') + 3 - 1);
		expect(read.cases).toEqual([{ name: 'S-abcdefghjkm', sourceGuids: [source.guid] }]);
		expect(read.codebook!.codes[0].children.map((c) => c.id)).toEqual(['maalenighed', 'gammel']);
	});

	it('writes a valid project without text: no sources, no notes, codes referenced from the case', async () => {
		const file = await buildExport(project, 'qdpx', { includeText: false, shiftDates: false });
		const files = await unzipFiles(file.body);
		expect([...files.keys()]).toEqual(['project.qde']);
		const qde = files.get('project.qde')!.toString('utf8');
		validate('without-text.qde', qde);
		expect(qde).not.toMatch(/Første|Åse|Tydeligt|eksplicit|<Sources>|<Notes>/);
		expect(qde).toContain('<DateValue>2024-01-10</DateValue>');
		expect((qde.match(/<CodeRef /g) ?? []).length).toBe(2);
	});

	it('gives the same bytes for the same content (fixed zip times), so the audit SHA-256 identifies a file', async () => {
		const a = await buildExport(project, 'qdpx', { includeText: true, shiftDates: false });
		const b = await buildExport(project, 'qdpx', { includeText: true, shiftDates: false });
		expect(a.body.equals(b.body)).toBe(true);
	});
});
