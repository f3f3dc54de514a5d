#!/usr/bin/env node
// The effekt command. The sources are TypeScript; tsx compiles them on the fly so that
// `npx effekt` works straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../api/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
