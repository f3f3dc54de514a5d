// NLP-assisted coding, the engine: pure functions, no HTTP and no database. Suggestions
// come from four suggesters (codebook rules, a learned classifier, structured extraction,
// the artefact type) and carry their suggester, model version, score and explanation;
// the app stores them and lets an analyst decide. README.md says how each works and how good it is.
export * from './types';
export { trainModel, scoreText, CLASSIFIER_THRESHOLD, MODEL_KIND, type NlpModel, type CodeModel, type ClassCounts } from './classifier';
export { analyse, tokenize, stem, splitSentences, STOP_WORDS, NEGATION_CUES, type Token, type Span, type Analysed } from './text';
export { extractValues, EXTRACTION_CODEBOOK, EXTRACTION_CODES, EXTRACTION_MODEL, type Extracted } from './extraction';
export { RULES_MODEL } from './rules';
export { ARTEFACT_MODEL } from './artefact';
export { codesFromCodebook, seedExamples } from './codes';

export { createSuggester, type Suggester } from './suggester';
export { rankForLabelling, type LabellingCandidate } from './rank';
export { evaluate, splitGold, examplesFromGold, covers, prf, type GoldEntry, type GoldSpan, type Evaluation, type EvaluateOptions, type CodeQuality, type CurvePoint, type ArtefactQuality, type Counts } from './evaluate';
export { runSuggestions, SuggestionRunCancelled, type RunOptions } from './run';
