// Which language an abstract is in, when the source does not say: English or Danish by
// their commonest function words (enough to choose a stemmer; nothing else depends on it).
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'were', 'are', 'this', 'from', 'by', 'on', 'we']);
const DANISH = new Set(['og', 'i', 'at', 'det', 'en', 'til', 'er', 'som', 'på', 'de', 'med', 'af', 'for', 'ikke', 'der', 'var', 'et', 'den', 'har', 'om', 'vi', 'blev', 'fra', 'eller']);

export type TextLanguage = 'en' | 'da' | 'other';

export function detectLanguage(text: string, declared?: string | null): TextLanguage {
	if (declared === 'en' || declared === 'da') return declared;
	let en = 0;
	let da = 0;
	for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
		if (ENGLISH.has(word)) en++;
		if (DANISH.has(word)) da++;
	}
	if (/[æøå]/i.test(text)) da += 2;
	if (en === 0 && da === 0) return 'other';
	return da > en ? 'da' : 'en';
}
