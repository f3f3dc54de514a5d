// One database's import benchmark, in a process of its own (bench/import.ts forks it):
// takes the run as JSON in argv and sends the result back to the parent.
import { benchOne, type ImportRun } from './import';

const run = JSON.parse(process.argv[2]) as ImportRun;
const result = await benchOne(run);
process.send!(result);
process.disconnect();
