// @ts-check
/**
 * Lint: typescript-eslint's and eslint-plugin-astro's recommended rules, no import cycles, and
 * nothing about layout (Prettier formats; `npm run lint` runs both).
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist.*/', '.cache/', '.astro/', 'test-results/', 'content/', 'tests/fixtures/', 'bench/hugo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // Imports name their .ts files; the rule follows only the extensions listed here.
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/resolver-next': [createNodeResolver()],
      // The rule reads the modules an import leads to with this parser, not ESLint's default one.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      // A cycle makes the import order decide what is initialised: one meaning per module, one direction.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/browser/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
