// Lint: typescript-eslint (type-aware for the packages), Lit and web-components rules for the elements.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      '**/*.generated.*',
      'bench/results/**',
      'examples/**/build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts', 'packages/sdk/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.stories.ts', 'packages/sdk/src/cli/**'],
    rules: {
      // Browser code uses zod/mini: full zod costs 20–90 kB gzipped.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Import zod/mini in code that reaches the browser.' },
            { name: 'zod/v4', message: 'Import zod/mini in code that reaches the browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/sdk/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      // The SDK knows nothing of the DOM.
      'no-restricted-globals': ['error', 'window', 'document', 'customElements', 'HTMLElement', 'localStorage', 'sessionStorage'],
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**', 'scripts/**', '**/scripts/**', 'examples/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
