/**
 * Where each language's UI strings are (see vite.config.ts): a URL in a build, the strings
 * themselves under the dev server and vitest. A built language file is an array of texts in the
 * order of `keys` (empty outside a build).
 */
declare module 'virtual:ui-catalogues' {
  export const keys: string[]
  const catalogues: Record<'ko' | 'en', string | Record<string, string>>
  export default catalogues
}
