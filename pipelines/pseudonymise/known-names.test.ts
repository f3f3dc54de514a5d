import { describe, expect, it } from 'vitest';
import { createKnownNames } from './known-names';

const pseudo = (name: string) => `[PERSON:${name.length}]`;

describe('createKnownNames', () => {
	it('finds a known full name and its parts in text, and nothing else', () => {
		const names = createKnownNames('k'.repeat(32));
		names.add('Ravn Ølgaard');
		const result = names.replaceIn('Ravn Ølgaard ringede. Senere kom Ravn alene; Ølgaard-familien og Ravnsborg ikke.', pseudo);
		expect(result.text).toBe('[PERSON:12] ringede. Senere kom [PERSON:4] alene; Ølgaard-familien og Ravnsborg ikke.');
		expect(result.count).toBe(2);
	});

	it('keeps only digests, and digests depend on the key', () => {
		const a = createKnownNames('a'.repeat(32));
		const b = createKnownNames('b'.repeat(32));
		const da = a.add('Zelda Quist');
		const db = b.add('Zelda Quist');
		expect(da).toHaveLength(3);
		expect(da.join()).not.toMatch(/Zelda|Quist/i);
		expect(da).not.toEqual(db);
		const c = createKnownNames('a'.repeat(32));
		c.addDigests(da);
		expect(c.replaceIn('Mødet med Zelda Quist.', pseudo).text).toBe('Mødet med [PERSON:11].');
	});

	it('finds a known name after or before other capitalised words', () => {
		const names = createKnownNames('k'.repeat(32));
		names.add('Xanthe Qwertyson');
		expect(names.replaceIn('Ifølge Xanthe Qwertyson Kommune er alt vel.', pseudo).text).toBe('Ifølge [PERSON:16] Kommune er alt vel.');
		expect(names.replaceIn('Mødet: Xanthe og Qwertyson kom.', pseudo).text).toBe('Mødet: [PERSON:6] og [PERSON:9] kom.');
	});

	it('leaves text alone when no names are known', () => {
		const names = createKnownNames('k'.repeat(32));
		expect(names.replaceIn('Mor Lone kom.', pseudo)).toEqual({ text: 'Mor Lone kom.', count: 0 });
	});
});
