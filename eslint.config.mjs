// @ts-check
/**
 * `npm run lint`: typescript-eslint with type information (projectService reads tsconfig.json), and
 * the project's import boundaries:
 *  - src/procedure/ is pure: it imports only its own modules, and touches no SDK, DOM, network,
 *    storage, console or clock ("today" comes from the caller);
 *  - only src/zendesk/ talks to Zendesk: no other src module imports the SDK or its types
 *    (src/zendesk/zaf.ts), reads ZAFClient or calls fetch;
 *  - the shipped app (src/) never imports tests/, dev/ or msw.
 * Parts a linter cannot say stay in tests/procedure/purity.test.ts.
 */
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const ZENDESK_ONLY = 'Only src/zendesk/ talks to Zendesk; take plain typed values from it (TicketHost, ZendeskError).'
const PURE = 'src/procedure/ is pure data and decisions: no SDK, DOM, network, storage, console or clock.'

/** Globals only src/zendesk/ may touch. */
const zendeskGlobals = [
  { name: 'ZAFClient', message: ZENDESK_ONLY },
  { name: 'fetch', message: ZENDESK_ONLY },
  { name: 'XMLHttpRequest', message: ZENDESK_ONLY },
]
/** @type {import('eslint').Linter.RuleEntry} */
const zendeskImports = [
  'error',
  {
    paths: [{ name: 'zendesk_app_framework_sdk', message: ZENDESK_ONLY }],
    patterns: [
      { regex: '(^|/)zendesk/zaf(\\.ts)?$', message: ZENDESK_ONLY },
      { regex: '^msw(/|$)', message: 'Test mocks never ship (own.no_msw).' },
      { regex: '^(\\.\\./)+(tests|dev)/', message: 'The shipped app does not import test or developer code.' },
    ],
  },
]

/**
 * The boundaries, apart so tests/package/lint.test.ts can run them alone (they need no type information).
 * @type {import('eslint').Linter.Config[]}
 */
export const boundaries = [
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/zendesk/**'],
    rules: {
      'no-restricted-globals': ['error', ...zendeskGlobals],
      'no-restricted-properties': ['error', { object: 'window', property: 'ZAFClient', message: ZENDESK_ONLY }],
      'no-restricted-imports': zendeskImports,
    },
  },
  {
    // The app's own language file (an asset beside iframe.html), not a Zendesk call.
    files: ['src/i18n/index.ts'],
    rules: { 'no-restricted-globals': ['error', ...zendeskGlobals.filter((g) => g.name !== 'fetch')] },
  },
  {
    files: ['src/procedure/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./[a-z-]+$)', message: `${PURE} It imports only its own modules (./name).` }] }],
      'no-restricted-globals': [
        'error',
        ...[
          ...zendeskGlobals.map((g) => g.name),
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'console',
          'process',
          'setTimeout',
          'setInterval',
          'require',
        ].map((name) => ({ name, message: PURE })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: `${PURE} Take "today" from the caller.` },
        { object: 'Math', property: 'random', message: PURE },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: `${PURE} No dynamic import.` },
        {
          selector: 'NewExpression[callee.name="Date"]:not(AssignmentPattern > NewExpression)',
          message: `${PURE} Read the clock only as a default parameter (today: Date = new Date()).`,
        },
      ],
    },
  },
]

/** Type-aware rules that misread this code: JSDoc casts in .mjs, and tests that read JSON and page values loosely (tsc checks their types). */
const UNSAFE_ANY = ['no-unsafe-assignment', 'no-unsafe-member-access', 'no-unsafe-return', 'no-unsafe-call', 'no-unsafe-argument']

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'assets/', '**/__screenshots__/'] },
  {
    files: ['**/*.{ts,tsx,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // tsc (strict) reports these, with better messages
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.mjs', 'tests/**'],
    rules: Object.fromEntries(UNSAFE_ANY.map((rule) => [`@typescript-eslint/${rule}`, 'off'])),
  },
  {
    files: ['tests/**'],
    rules: {
      // test doubles implement async interfaces without awaiting, and reject the way the SDK does (plain objects)
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  ...boundaries,
)
