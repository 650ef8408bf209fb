/**
 * Where each language's UI texts are (see vite.config.ts). In a build: the URLs of its core file
 * (an array of texts in the order of `keys`) and of its rare file (key → text). Under the dev
 * server and vitest: every text inline, no rare file, and `keys` empty.
 */
declare module 'virtual:ui-catalogues' {
  export const keys: string[]
  const catalogues: Record<'ko' | 'en', readonly [core: string | Record<string, string>, rare?: string]>
  export default catalogues
}
