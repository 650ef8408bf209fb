/**
 * Where each language's UI strings are (see vite.config.ts): a URL in a build, the strings
 * themselves under the dev server and vitest.
 */
declare module 'virtual:ui-catalogues' {
  const catalogues: Record<'ko' | 'en', string | Record<string, string>>
  export default catalogues
}
