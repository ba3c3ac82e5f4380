import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layering from './scripts/eslint/layering.js';

export default defineConfig(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**', '.data/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { ewsi: layering },
    rules: {
      'ewsi/layering': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Migrations and test databases take Kysely<any> on purpose: they must not depend on today's table types.
    files: ['electron/core/db/migrations/**', 'server/db/migrations/**', 'tests/support/databases.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['scripts/**', 'bench/**', 'tests/**', 'server/**', 'electron/**', '*.config.*', '.ci/**'],
    languageOptions: { globals: globals.node },
  },
);
