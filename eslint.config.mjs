// Lint: typescript-eslint's recommended rules plus Nx module boundaries.
// Boundaries: apps may use libs; libs never import apps; the pure libs
// (signals, ledger, domain: tag type:pure) import no framework at all.
import nx from '@nx/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { API_MODULE_LAYERS, apiModuleZones } from './tools/lint/api-module-layers.mjs';

const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'pg', 'pg-boss', 'react', 'react-dom', '@apollo/*', 'express', 'nodemailer', '@mantine/*'];

export default tseslint.config(
  { ignores: ['test/static/fixtures/**', '**/node_modules/**', 'dist/**', 'apps/web/src/gql/**', '**/*.d.ts', 'coverage/**', 'tmp/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:pure', onlyDependOnLibsWithTags: ['type:pure'], bannedExternalImports: FRAMEWORKS },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
          ],
        },
      ],
    },
  },
  {
    // No import cycle anywhere in the API or the libs (files), and no cycle between the API's
    // feature modules: each module imports only modules of earlier layers (tools/lint/api-module-layers.mjs).
    files: ['apps/api/src/**/*.ts', 'libs/**/*.ts', 'migrations/**/*.ts', 'test/static/fixtures/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: apiModuleZones(API_MODULE_LAYERS) }],
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/__tests__/**', 'test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
