import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import dataLayer from './scripts/eslint/data-layer.js';
import layering from './scripts/eslint/layering.js';

// The project's own rules, under one prefix: ewsi/layering, ewsi/data-layer.
const ewsi = { meta: { name: 'ewsi' }, rules: { ...layering.rules, ...dataLayer.rules } };

export default defineConfig(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**', '.data/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { ewsi },
    rules: {
      'ewsi/layering': 'error',
      // Scoped by the rule itself: electron/, shared/, renderer/, server/ outside electron/core/db/ and server/db/.
      'ewsi/data-layer': 'error',
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
