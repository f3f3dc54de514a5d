// SvelteKit lives in web/ as its own root (run vite with web/ as the working directory);
// the Node adapter's handler is mounted by the effekt server (api/server.ts).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		alias: { $api: '../api' }
	}
};
