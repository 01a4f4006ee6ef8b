import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { setupI18n } from '$lib/i18n';

setupI18n('en');
afterEach(() => cleanup());

// jsdom has no layout, so no ResizeObserver: element sizes stay 0 and `bind:clientHeight` reads 0.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
