import { loadCodebooks } from '../codebooks/index';
import { loadGeneratedSet } from '../fixtures/nlp/gold';
import { codesFromCodebook, createSuggester, examplesFromGold, trainModel } from '../pipelines/nlp/index';
const codes = loadCodebooks().filter((b) => ['alliance', 'artefacts', 'rammer'].includes(b.id)).flatMap((b) => codesFromCodebook(b));
const gold = loadGeneratedSet();
const model = trainModel(examplesFromGold(gold, codes));
const only = process.argv[2].split(',');
const s = createSuggester({ codes, model, suggesters: only as never });
for (let r = 0; r < 40; r++) for (const g of gold) s.suggest(g.entry);
