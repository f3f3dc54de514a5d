// A code's fields written into the one free-text Description REFI-QDA has, as sections an
// analyst can read in NVivo or MAXQDA ("Definition: ...", "Medtag: ...") and this module
// can read back, so a round trip through another tool keeps what the format has no place for.
import type { CodeContent, ExchangeCode, ExchangeLanguage } from './types';

type Scalar = 'definition' | 'include' | 'exclude' | 'paragraph' | 'otherLabel' | 'otherDefinition' | 'id';
type List = 'keywords' | 'patterns' | 'examples' | 'mapsFrom';

const HEADINGS: Record<ExchangeLanguage, Record<Scalar | List, string>> = {
	da: {
		definition: 'Definition',
		otherDefinition: 'Definition (en)',
		include: 'Medtag',
		exclude: 'Udelad',
		keywords: 'Nøgleord',
		patterns: 'Mønstre',
		examples: 'Eksempler',
		mapsFrom: 'Tidligere betegnelser',
		paragraph: 'Hjemmel',
		otherLabel: 'Betegnelse (en)',
		id: 'Id'
	},
	en: {
		definition: 'Definition',
		otherDefinition: 'Definition (da)',
		include: 'Include',
		exclude: 'Exclude',
		keywords: 'Keywords',
		patterns: 'Patterns',
		examples: 'Examples',
		mapsFrom: 'Earlier labels',
		paragraph: 'Legal basis',
		otherLabel: 'Label (da)',
		id: 'Id'
	}
};
const LISTS: ReadonlySet<string> = new Set<List>(['keywords', 'patterns', 'examples', 'mapsFrom']);
/** Lists short enough to read on one line, `a | b | c`, when no item holds a `|` or a line break. */
const INLINE_LISTS = new Set<string>(['keywords', 'mapsFrom']);
/** Continuation lines of a value that holds line breaks start with these two spaces. */
const CONTINUATION = '  ';
const BULLET = '- ';

const other = (lang: ExchangeLanguage): ExchangeLanguage => (lang === 'da' ? 'en' : 'da');

/** Writes a code's fields as the sections of a REFI-QDA Description, in the given language. */
export function writeDescription(code: ExchangeCode, lang: ExchangeLanguage): string {
	const headings = HEADINGS[lang];
	const lines: string[] = [];
	const scalar = (field: Scalar, value: string | undefined) => {
		if (value !== undefined) lines.push(`${headings[field]}: ${continued(value)}`);
	};
	const list = (field: List, items: readonly string[] | undefined) => {
		if (!items?.length) return;
		const inline = INLINE_LISTS.has(field) && items.every((item) => item !== '' && item === item.trim() && !/[|\n\r]/.test(item));
		if (inline) lines.push(`${headings[field]}: ${items.join(' | ')}`);
		else lines.push(`${headings[field]}:`, ...items.map((item) => BULLET + continued(item)));
	};
	scalar('definition', code.definition[lang]);
	scalar('otherDefinition', code.definition[other(lang)]);
	scalar('include', code.include);
	scalar('exclude', code.exclude);
	list('keywords', code.keywords);
	list('patterns', code.patterns);
	list('examples', code.examples);
	list('mapsFrom', code.mapsFrom);
	scalar('paragraph', code.paragraph);
	scalar('otherLabel', code.label[other(lang)]);
	scalar('id', code.id);
	return lines.join('\n');
}

const continued = (value: string) => value.replace(/\n/g, `\n${CONTINUATION}`);

/** What a Description's sections hold; `id` is set only when the Description is Effekt's. */
export interface DescriptionSections extends CodeContent {
	/** The language the Description was written in, judged by its headings. */
	lang: ExchangeLanguage;
	id?: string;
	label: { da?: string; en?: string };
	/** 1-based lines of the Description that are neither a section nor a continuation. */
	unreadLines: number[];
}

interface Heading {
	field: Scalar | List;
	/** The language whose headings use this text; null when both do ("Definition", "Id"). */
	lang: ExchangeLanguage | null;
}

const HEADING_BY_TEXT = new Map<string, Heading>();
for (const lang of ['da', 'en'] as const) {
	for (const [field, text] of Object.entries(HEADINGS[lang]) as [Scalar | List, string][]) {
		const shared = HEADINGS[other(lang)][field] === text;
		HEADING_BY_TEXT.set(text, { field, lang: shared ? null : lang });
	}
}

/**
 * Reads the sections of a Description written by writeDescription (or by hand in the same
 * form). `fallbackLang` decides what a bare "Definition" means when no heading tells the
 * language. Never throws: lines it does not understand are listed in `unreadLines`.
 */
export function readDescription(text: string, fallbackLang: ExchangeLanguage): DescriptionSections {
	const scalars = new Map<Scalar, string>();
	const lists = new Map<List, string[]>();
	const votes = { da: 0, en: 0 };
	/** The language of "Definition (en)" and "Betegnelse (en)" is in the heading itself. */
	const otherLang = new Map<Scalar, ExchangeLanguage>();
	const unreadLines: number[] = [];
	let current: Scalar | List | null = null;

	text.split('\n').forEach((line, index) => {
		if (current && line.startsWith(CONTINUATION)) {
			const rest = line.slice(CONTINUATION.length);
			if (isList(current)) {
				const items = lists.get(current)!;
				if (items.length) items[items.length - 1] += `\n${rest}`;
				else unreadLines.push(index + 1);
			} else {
				scalars.set(current, `${scalars.get(current)}\n${rest}`);
			}
			return;
		}
		if (current && isList(current) && line.startsWith(BULLET)) {
			lists.get(current)!.push(line.slice(BULLET.length));
			return;
		}
		const colon = line.indexOf(':');
		const heading = colon > 0 ? HEADING_BY_TEXT.get(line.slice(0, colon)) : undefined;
		const after = line.slice(colon + 1);
		if (!heading || (after !== '' && !after.startsWith(' '))) {
			if (line.trim() !== '') unreadLines.push(index + 1);
			current = null;
			return;
		}
		const { field } = heading;
		if (heading.lang) votes[heading.lang]++;
		if (heading.lang && (field === 'otherLabel' || field === 'otherDefinition')) otherLang.set(field, other(heading.lang));
		const value = after.slice(1);
		current = field;
		if (isList(field)) {
			const items = value.split('|').map((item) => item.trim()).filter((item) => item !== '');
			lists.set(field, [...(lists.get(field) ?? []), ...items]);
		} else {
			scalars.set(field, value);
		}
	});

	const lang: ExchangeLanguage = votes.da > votes.en ? 'da' : votes.en > votes.da ? 'en' : fallbackLang;
	const scalar = (field: Scalar) => {
		const value = scalars.get(field);
		return value === undefined || value.trim() === '' ? undefined : value;
	};
	const label: DescriptionSections['label'] = {};
	const definition: DescriptionSections['definition'] = {};
	if (scalar('definition') !== undefined) definition[lang] = scalar('definition');
	if (scalar('otherDefinition') !== undefined) definition[otherLang.get('otherDefinition') ?? other(lang)] = scalar('otherDefinition');
	if (scalar('otherLabel') !== undefined) label[otherLang.get('otherLabel') ?? other(lang)] = scalar('otherLabel');
	return {
		lang,
		id: scalar('id')?.trim(),
		label,
		definition,
		include: scalar('include'),
		exclude: scalar('exclude'),
		keywords: lists.get('keywords') ?? [],
		patterns: lists.get('patterns') ?? [],
		examples: lists.get('examples') ?? [],
		mapsFrom: lists.get('mapsFrom') ?? [],
		paragraph: scalar('paragraph'),
		unreadLines
	};
}

const isList = (field: Scalar | List): field is List => LISTS.has(field);
