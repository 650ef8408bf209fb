/** UI strings of one language, built from translations/<lang>.json by vite.config.ts. */
declare module 'virtual:ui-catalogue/*' {
  const catalogue: Record<string, string>
  export default catalogue
}
