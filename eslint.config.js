import js from '@eslint/js';
import globals from 'globals';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'bench/dist/', 'examples/react-webview/dist/', 'node_modules/', 'storybook-static/', 'coverage/', '.cache/', '.vitest-attachments/', 'src/internal/i18n/locales/', 'types/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wc.configs['flat/recommended'],
  lit.configs['flat/recommended'],
  {
    files: ['*.{js,mjs,ts}', 'test/node/**', 'test/e2e/**', 'scripts/**', 'examples/**'],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
      },
    },
  },
  {
    files: ['examples/vscode-extension/**/*.js', 'test/e2e/timing-extension/**/*.js', 'test/e2e/fixtures/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The fake vscode runs unbuilt in the Node tests and in the browser: only the globals both have.
    files: ['dev/**/*.js'],
    languageOptions: { globals: globals['shared-node-browser'] },
  },
  {
    // The bench runs in Node and hands `measure` to the page, so it sees both sets of globals.
    files: ['bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Elements register in their define modules, not beside the class.
      'wc/define-tag-after-class-definition': 'off',
      // A stable id keeps a string's translations when its English is reworded; dist/webview.js cannot hash one.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='msg'][arguments.length<2]", message: 'Give every msg() an id: msg(text, { id })' },
      ],
    },
  },
);
