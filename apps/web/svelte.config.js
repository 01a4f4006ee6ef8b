import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: one shell (never cached) for every route; the API serves it.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    output: { bundleStrategy: 'single' },
    version: { pollInterval: 0 },
  },
};
