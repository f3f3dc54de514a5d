// Finds the date a file name or a note heading starts with, in the forms Danish case
// systems and caseworkers write: 2019-03-12, 20190312, 12-03-2019, 12.03.2019, 12/03/19,
// "12. marts 2019", "3 mar. 2019". An impossible date (31-02-2019) is still recognised and
// comes back as written, so the validator can reject it with a reason.

const MONTHS: Record<string, number> = {
	januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5,
	juni: 6, jun: 6, juli: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
	oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const FORMS: { pattern: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }[] = [
	{ pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, parts: (m) => [m[1], m[2], m[3]] },
	{ pattern: /^((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/, parts: (m) => [m[1], m[2], m[3]] },
	{ pattern: /^(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/, parts: (m) => [m[4], m[3], m[1]] },
	{
		pattern: new RegExp(`^(\\d{1,2})\\.?\\s*(${MONTH_NAMES})\\.?\\s+(\\d{4})(?!\\d)`, 'i'),
		parts: (m) => [m[3], String(MONTHS[m[2].toLowerCase()]), m[1]]
	}
];

export interface LeadingDate {
	/** yyyy-mm-dd, or the date as written when it is no real date. */
	date: string;
	valid: boolean;
	/** What follows the date and its separators (" - ", "_", ": "). */
	rest: string;
}

/** The date `text` starts with, if any. */
export function leadingDate(text: string): LeadingDate | undefined {
	for (const form of FORMS) {
		const m = form.pattern.exec(text);
		if (!m) continue;
		const [y, mo, d] = form.parts(m);
		const iso = isoDate(expandYear(y), Number(mo), Number(d));
		const rest = text.slice(m[0].length).replace(/^[\s_:.,–—-]+/, '');
		return { date: iso ?? m[0], valid: iso !== undefined, rest };
	}
	return undefined;
}

function expandYear(y: string): number {
	if (y.length === 4) return Number(y);
	const yy = Number(y);
	const pivot = new Date().getFullYear() % 100;
	return yy <= pivot ? 2000 + yy : 1900 + yy;
}

function isoDate(year: number, month: number, day: number): string | undefined {
	if (month < 1 || month > 12 || day < 1) return undefined;
	const dt = new Date(Date.UTC(year, month - 1, day));
	if (dt.getUTCMonth() !== month - 1 || dt.getUTCDate() !== day) return undefined;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
