// Lint rules, including the import boundaries between runtime contexts that DESIGN.md draws:
// a context that imports across a forbidden line fails `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const contexts = ['anchoring', 'content', 'background', 'storage', 'ui', 'shared'];

/** Import patterns that name another context's folder, however deep the relative path. */
const contextPatterns = (name) => [`**/${name}`, `**/${name}/**`, `${name}/**`];

/** A no-restricted-imports rule forbidding the given contexts and packages. */
function forbid(contextsForbidden, packages, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({ name, message: why })),
        patterns: [
          {
            group: contextsForbidden.flatMap(contextPatterns),
            message: why,
          },
        ],
      },
    ],
  };
}

const others = (...allowed) => contexts.filter((c) => !allowed.includes(c));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/pages/**', 'artifacts/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/anchoring/**'],
    rules: forbid(
      others('anchoring'),
      ['webextension-polyfill', 'dexie', 'preact'],
      'anchoring/ is pure DOM: no extension APIs, storage or UI.',
    ),
  },
  {
    files: ['src/shared/**'],
    rules: forbid(
      others('shared', 'anchoring'),
      ['dexie', 'preact'],
      'shared/ holds the contract and pure helpers every context may use; it depends on none of them (but the pure anchoring types).',
    ),
  },
  {
    files: ['src/content/**'],
    rules: forbid(
      ['storage', 'ui', 'background'],
      ['dexie', 'preact', 'valibot'],
      'The content script runs in every page: it talks to storage only through background messages, and stays small.',
    ),
  },
  {
    files: ['src/background/**'],
    rules: forbid(
      ['ui', 'content'],
      ['preact', 'dexie'],
      'The background owns no UI and no page code, and reaches the database through storage/.',
    ),
  },
  {
    files: ['src/storage/**'],
    rules: forbid(
      ['ui', 'content', 'background', 'anchoring'],
      ['webextension-polyfill', 'preact'],
      'storage/ is the database layer only.',
    ),
  },
  {
    files: ['src/ui/**'],
    rules: forbid(
      ['background', 'content'],
      ['dexie'],
      'Extension pages use storage/ directly and message the background through shared/; never its code.',
    ),
  },
  {
    files: ['test/**', 'scripts/**', 'bench/**', '*.config.*'],
    languageOptions: { globals: { ...globals.webextensions } },
    rules: { 'no-console': 'off' },
  },
);
