// The mirror of a factor: weights, the words of the summary for every state of the local
// estimate, and the static SVG (escaped labels, one diamond, nothing drawn for a hidden
// local estimate).
import { describe, expect, it } from 'vitest';
import { rToZ } from './effect-size';
import { factorMirror, forestSvg, mirrorSummary, type LocalEstimate } from './forest';
import { poolCorrelations, type PooledCorrelation } from './pooling';

const effects = [
	[0.19, 2419],
	[0.3, 150],
	[0.28, 300]
].map(([r, n], i) => ({ id: String(i), study: i === 0 ? 'Karver <et al.> 2018' : `Study ${i}`, label: null, n, z: rToZ(r), varianceZ: 1 / (n - 3) }));
const labels = { title: 'Alliance', pooled: 'Samlet', local: 'Lokalt', localMissing: 'vises ikke' };

describe('factor mirror', () => {
	it('pools the effects and weighs the rows by random-effects weight (summing to 1)', () => {
		const mirror = factorMirror('alliance', effects, { state: 'suppressed' });
		expect((mirror.pooled as PooledCorrelation).r).toBeCloseTo((poolCorrelations(effects) as PooledCorrelation).r, 12);
		expect(mirror.rows.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1, 12);
		expect(mirror.rows[0].weight).toBeGreaterThan(mirror.rows[1].weight);
		expect(mirror.anchors.map((a) => a.r)).toEqual([0.278, 0.19]);
		expect(factorMirror('duration', effects, { state: 'suppressed' }).anchors).toEqual([]);
	});

	it.each<[LocalEstimate, RegExp]>([
		[{ state: 'available', r: 0.05, ci: [-0.1, 0.12], n: 80 }, /Det lokale estimat er r = 0,05 \(95 % KI −0,10 til 0,12; n = 80\)\. Det lokale estimat ligger under litteraturens/],
		[{ state: 'available', r: 0.25, ci: [0.1, 0.38], n: 80 }, /Intervallerne overlapper/],
		[{ state: 'suppressed' }, /vises ikke: det bygger på for få forløb/],
		[{ state: 'undefined', reason: 'constant' }, /ikke defineret/],
		[{ state: 'not_permitted' }, /kræver adgang til nøgletal/]
	])('words the local estimate %#', (local, words) => {
		const text = mirrorSummary(factorMirror('alliance', effects, local), 'da').join(' ');
		expect(text).toMatch(/^3 effektstørrelser fra 3 studier giver en samlet korrelation/);
		expect(text).toMatch(words);
		expect(text).toContain('r = 0,28 (psykoterapi, Flückiger et al. 2018) og r = 0,19 (unge, Karver et al. 2018)');
		expect(text).not.toMatch(/NaN|undefined/);
	});

	it('says so when there is nothing, or one study, to pool; in English too', () => {
		expect(mirrorSummary(factorMirror('duration', [], { state: 'suppressed' }), 'en')[0]).toBe('No effect sizes from included studies have been coded yet.');
		expect(mirrorSummary(factorMirror('duration', effects.slice(0, 1), { state: 'suppressed' }), 'en')[0]).toMatch(/^Only one effect size: r = 0.19 .*heterogeneity cannot be assessed/);
	});

	it('draws rows, one diamond and the local estimate only when shown, with text escaped', () => {
		const shown = forestSvg(factorMirror('alliance', effects, { state: 'available', r: 0.1, ci: [0, 0.2], n: 50 }), labels, 'da');
		expect(shown.match(/data-row="study"/g)).toHaveLength(3);
		expect(shown.match(/data-testid="pooled-diamond"/g)).toHaveLength(1);
		expect(shown).toMatch(/<g data-row="local">[^]*<circle/);
		expect(shown).toContain('Karver &lt;et al.&gt; 2018');
		const hidden = forestSvg(factorMirror('alliance', effects, { state: 'suppressed' }), labels, 'da');
		expect(hidden).not.toMatch(/<g data-row="local">[^]*<circle/);
		expect(hidden).toContain('vises ikke');
		const empty = forestSvg(factorMirror('duration', [], { state: 'suppressed' }), labels, 'da');
		expect(empty).not.toContain('pooled-diamond');
		expect(empty).not.toMatch(/NaN/);
	});
});
