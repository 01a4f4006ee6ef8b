import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
  plugins: [sveltekit()],
  // Component tests mount the browser build of Svelte in jsdom.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    // Its .svelte.js modules use runes, so they go through the Svelte compiler too.
    server: { deps: { inline: [/@testing-library\/svelte/] } },
  },
}));
