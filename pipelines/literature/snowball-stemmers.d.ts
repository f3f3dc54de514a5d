// snowball-stemmers ships no types: the part this project uses.
declare module 'snowball-stemmers' {
	interface Stemmer {
		stem(word: string): string;
	}
	const snowball: { newStemmer(language: string): Stemmer; algorithms(): string[] };
	export default snowball;
}
