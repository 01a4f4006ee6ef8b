import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'node_modules/**',
      '.data/**',
      'apps/web/build/**',
      'apps/web/.svelte-kit/**',
      'apps/web/src/lib/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.cli.ts', 'bench/**', 'scripts/**', 'test/**'], rules: { 'no-console': 'off' } },
  // The web app: Svelte 5 components in TypeScript, running in the browser.
  ...svelte.configs.recommended,
  {
    files: ['apps/web/**/*.svelte', 'apps/web/**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  { files: ['apps/web/**'], languageOptions: { globals: globals.browser } },
  // Build, test and dev scripts: plain Node ES modules; the web app's configs run in Node too.
  { files: ['scripts/**/*.mjs', 'apps/web/*.{js,ts}'], languageOptions: { globals: globals.node } },
  { files: ['*.js'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
);
