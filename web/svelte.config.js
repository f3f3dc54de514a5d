// SvelteKit lives in web/ as its own root (run vite with web/ as the working directory);
// the Node adapter's handler is mounted by the effekt server (api/server.ts).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		alias: { $api: '../api' },
		// Content Security Policy for every page: SvelteKit adds a nonce (or hash) to its own
		// inline start-up script, so nothing else inline or from elsewhere can run.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte and d3 set style attributes; no style can load from elsewhere.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};
