// effekt import literature on PGlite and PostgreSQL: --json prints exactly
// { records_read, imported, duplicates, problems: [{ line, reason }] }; a broken file
// exits 1 having written nothing, --skip-invalid imports the rest, the same file again adds nothing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../testing/databases';
import { projectRoot } from '../web-build';

const fixtures = join(projectRoot, 'fixtures/literature');

function effekt(args: string[]) {
	const result = spawnSync(process.execPath, ['bin/effekt.js', ...args], {
		cwd: projectRoot,
		encoding: 'utf8',
		env: { ...process.env, EFFEKT_SECRET: 'cli-test-secret-cli-test-secret-0123' }
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const cleanup of cleanups) await cleanup();
});

describe.each(testDatabases())('effekt import literature on $kind', (kind) => {
	it('prints the JSON document, refuses a broken file, skips invalid records when asked, adds nothing twice', async () => {
		const { target, drop } = await kind.createTarget();
		cleanups.push(drop);
		const json = (args: string[]) => {
			const result = effekt(['import', 'literature', ...args, '--json', '--db', target]);
			const lines = result.stdout.trimEnd().split('\n');
			expect(lines).toHaveLength(1);
			return { ...result, document: JSON.parse(lines[0]) };
		};

		const ris = json([join(fixtures, 'alliance.ris')]);
		expect(ris.code).toBe(0);
		expect(ris.document).toStrictEqual({ records_read: 4, imported: 3, duplicates: 1, problems: [] });

		const broken = json([join(fixtures, 'broken.ris')]);
		expect(broken.code).toBe(1);
		expect(broken.stderr).toMatch(/broken\.ris: 2 problems in 3 records; nothing imported \(fix them, or use --skip-invalid\)/);
		expect(broken.document).toStrictEqual({
			records_read: 3,
			imported: 0,
			duplicates: 0,
			problems: [
				{ line: 1, reason: 'the record starting at line 1 has no ER line before the next TY at line 5' },
				{ line: 11, reason: 'the record starting at line 11 is not terminated: no ER line before the end of the file (line 13)' }
			]
		});
		const skipped = json([join(fixtures, 'broken.ris'), '--skip-invalid']);
		expect(skipped.code).toBe(0);
		expect(skipped.document).toMatchObject({ records_read: 3, imported: 1, duplicates: 0 });
		expect(skipped.document.problems).toHaveLength(2);

		// The same file again (under any name): nothing added, every record a duplicate.
		const again = json([join(fixtures, 'alliance.ris')]);
		expect(again.code).toBe(0);
		expect(again.document).toStrictEqual({ records_read: 4, imported: 0, duplicates: 4, problems: [] });

		const garbage = json([join(fixtures, 'garbage.ris')]);
		expect(garbage.code).toBe(1);
		expect(garbage.document).toMatchObject({ records_read: 0, imported: 0, duplicates: 0, problems: [{ line: 3 }] });

		// Without --json: the human report, problems by line.
		const human = effekt(['import', 'literature', join(fixtures, 'broken.nbib'), '--db', target]);
		expect(human.code).toBe(1);
		expect(human.stdout).toBe('broken.nbib (nbib): 2 records read, 0 imported, 0 duplicates, 1 problems — nothing imported\n  line 7: not a MEDLINE line (expected "TAG - value"): "this line is not MEDLINE at all"\n');
		expect(effekt(['import', 'literature', '--db', target]).code).toBe(2);
	}, 600_000);
});
