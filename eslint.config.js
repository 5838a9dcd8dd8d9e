// Lint rules, including the import boundaries between runtime contexts that DESIGN.md draws:
// a context that imports across a forbidden line fails `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const contexts = ['anchoring', 'content', 'background', 'storage', 'ui', 'shared'];

/** Import patterns that name another context's folder, however deep the relative path. */
const contextPatterns = (name) => [`**/${name}`, `**/${name}/**`, `${name}/**`];

/**
 * A source pattern for what static import patterns catch, so that `import('../storage/db')`
 * cannot slip past the boundary a static import would hit. Slashes sit in classes because
 * selector regexes end at a bare slash.
 */
function forbiddenSource(contextsForbidden, packages) {
  const alternatives = [];
  if (contextsForbidden.length > 0) {
    alternatives.push(`(^|[/])(${contextsForbidden.join('|')})([/]|$)`);
  }
  if (packages.length > 0) alternatives.push(`^(${packages.join('|')})([/]|$)`);
  return alternatives.join('|');
}

/** Dynamic imports whose source is a plain string or a template literal without holes. */
function dynamicImportSelectors(source, why) {
  return [
    { selector: `ImportExpression[source.value=/${source}/]`, message: why },
    {
      selector: `ImportExpression[source.type='TemplateLiteral'][source.expressions.length=0][source.quasis.0.value.cooked=/${source}/]`,
      message: why,
    },
  ];
}

/** Lint rules forbidding the given contexts and packages, by static or dynamic import. */
function forbid(contextsForbidden, packages, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({ name, message: why })),
        patterns: [
          {
            // A package's subpaths (preact/hooks) weigh and reach as much as the package.
            group: [
              ...contextsForbidden.flatMap(contextPatterns),
              ...packages.map((name) => `${name}/**`),
            ],
            message: why,
          },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      ...dynamicImportSelectors(forbiddenSource(contextsForbidden, packages), why),
    ],
  };
}

const NO_DATABASE =
  "Only storage/ opens the database: IndexedDB reached from elsewhere bypasses its schema and, in the content script, would open the page's database.";

/** Keeps IndexedDB itself, not just Dexie, behind storage/. */
const noDatabase = {
  'no-restricted-globals': ['error', { name: 'indexedDB', message: NO_DATABASE }],
  'no-restricted-properties': [
    'error',
    ...['window', 'self', 'globalThis'].map((object) => ({
      object,
      property: 'indexedDB',
      message: NO_DATABASE,
    })),
  ],
};

const others = (...allowed) => contexts.filter((c) => !allowed.includes(c));

/**
 * What each context may not import, and whether it may touch IndexedDB itself. Exported so the
 * boundary test can check it covers every line drawn here.
 */
export const BOUNDARIES = {
  anchoring: {
    contexts: others('anchoring'),
    packages: ['webextension-polyfill', 'dexie', 'preact'],
    why: 'anchoring/ is pure DOM: no extension APIs, storage or UI.',
    noDatabase: true,
  },
  shared: {
    contexts: others('shared', 'anchoring'),
    packages: ['dexie', 'preact'],
    why: 'shared/ holds the contract and pure helpers every context may use; it depends on none of them (but the pure anchoring types).',
    noDatabase: true,
  },
  content: {
    contexts: ['storage', 'ui', 'background'],
    packages: ['dexie', 'preact', 'valibot'],
    why: 'The content script runs in every page: it talks to storage only through background messages, and stays small.',
    noDatabase: true,
  },
  background: {
    contexts: ['ui', 'content'],
    packages: ['preact', 'dexie'],
    why: 'The background owns no UI and no page code, and reaches the database through storage/.',
    noDatabase: true,
  },
  storage: {
    contexts: ['ui', 'content', 'background', 'anchoring'],
    packages: ['webextension-polyfill', 'preact'],
    why: 'storage/ is the database layer only.',
    noDatabase: false,
  },
  ui: {
    contexts: ['background', 'content'],
    packages: ['dexie'],
    why: 'Extension pages use storage/ directly and message the background through shared/; never its code.',
    noDatabase: true,
  },
};

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
  ...Object.entries(BOUNDARIES).map(([context, rule]) => ({
    files: [`src/${context}/**`],
    rules: {
      ...forbid(rule.contexts, rule.packages, rule.why),
      ...(rule.noDatabase ? noDatabase : {}),
    },
  })),
  {
    files: ['test/**', 'scripts/**', 'bench/**', '*.config.*'],
    languageOptions: { globals: { ...globals.webextensions } },
    rules: { 'no-console': 'off' },
  },
);
