import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
	plugins: [sveltekit()],
	// The server bundle imports api/ (outside web/) for types and, in dev, for the runtime.
	server: { fs: { allow: [projectRoot] } },
	build: { chunkSizeWarningLimit: 600 }
});
