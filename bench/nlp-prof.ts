const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
import { loadCodebooks } from '../codebooks/index';
import { loadGeneratedSet } from '../fixtures/nlp/gold';
import { codesFromCodebook, createSuggester, examplesFromGold, trainModel } from '../pipelines/nlp/index';
const codes = loadCodebooks().filter((b) => ['alliance', 'artefacts', 'rammer'].includes(b.id)).flatMap((b) => codesFromCodebook(b));
const gold = loadGeneratedSet();
const model = trainModel(examplesFromGold(gold, codes));
for (const only of [['artefact'], ['rules'], ['classifier'], ['extraction'], []] as const) {
	const s = createSuggester({ codes, model, suggesters: [...only] as never });
	const t = cpu();
	for (let r = 0; r < 3; r++) for (const g of gold) s.suggest(g.entry);
	console.log(only.join() || 'analyse only', ((3 * gold.length) / ((cpu() - t) / 1000)).toFixed(0), 'entries/s');
}
