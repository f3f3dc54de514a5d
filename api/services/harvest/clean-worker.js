// A worker thread starts without the TypeScript loader of the thread that made it (tsx
// registers per thread), so this plain module loads the worker's TypeScript through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./clean-worker.ts', import.meta.url);
