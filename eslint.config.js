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
    // Browser tests: when chai's `expect(node).to.equal(null)` (or `.to.equal(otherNode)`) fails,
    // the test runner serialises the DOM node and hangs until its 180 s timeout instead of naming
    // the test. Compare serialisable values: `expect(node === null).to.equal(true)`.
    files: ['packages/elements/**/*.test.ts', 'packages/elements/test/**/*.ts', 'tests/browser/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(equal|equals|eq|eql)$/][arguments.0.raw='null']",
          message: 'Compare a serialisable value: `expect(node === null).to.equal(true)` (a failing DOM-node comparison hangs the test runner).',
        },
        {
          selector: "MemberExpression[property.name=/^(null|exist)$/][object.type='MemberExpression']",
          message: 'Compare a serialisable value: `expect(node === null).to.equal(true)` (a failing DOM-node comparison hangs the test runner).',
        },
        {
          selector:
            "CallExpression[callee.name='expect'][arguments.0.property.name='activeElement'], CallExpression[callee.name='expect'][arguments.0.callee.name=/^(deepActive|\\$)$/], CallExpression[callee.name='expect'][arguments.0.callee.property.name=/^(querySelector|closest|getRootNode)$/]",
          message: 'Compare a serialisable value (`expect(a === b, "what").to.equal(true)`, a text or an attribute), not a DOM node: a failing comparison of nodes hangs the test runner.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**', 'scripts/**', '**/scripts/**', 'examples/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
