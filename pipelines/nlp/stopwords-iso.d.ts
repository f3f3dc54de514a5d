// stopwords-iso is one JSON object of ISO 639-1 code → stop words; it ships no types.
declare module 'stopwords-iso' {
	const stopwords: Record<string, string[]>;
	export default stopwords;
}
