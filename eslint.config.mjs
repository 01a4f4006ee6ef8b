import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The rule that keeps a part from importing what matches one of `patterns`. */
const noImportsOf = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const DOMAIN = ['@webcare/domain', '@webcare/domain/*'];

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
  // Which part may import which (ARCHITECTURE.md): platform knows no domain, the pure libraries
  // know neither; nothing outside bench/ imports bench/ (later entries override earlier ones).
  { files: ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts'], rules: noImportsOf('**/bench/**') },
  {
    files: ['libs/platform/**/*.ts'],
    rules: noImportsOf(...DOMAIN, '**/libs/domain/**', '**/apps/**', '**/bench/**'),
  },
  {
    files: ['libs/anonymizer/**/*.ts', 'libs/channels/**/*.ts'],
    rules: noImportsOf(...DOMAIN, '@webcare/platform', '@webcare/platform/*', '**/apps/**'),
  },
  { files: ['libs/domain/**/*.ts'], rules: noImportsOf('**/apps/**', '**/test/**', '**/bench/**') },
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
