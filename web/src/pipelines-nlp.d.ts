// The NLP engine's declarations for its untyped packages (pipelines/nlp/*.d.ts): the web
// type-checks api/ code that imports the engine, so it needs them in its program too.
/// <reference path="../../pipelines/nlp/snowball-stemmers.d.ts" />
/// <reference path="../../pipelines/nlp/stopwords-iso.d.ts" />
