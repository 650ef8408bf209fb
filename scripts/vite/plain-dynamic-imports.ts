/**
 * Lazy chunks without Vite's preload helper. Vite wraps every `import()` of a client build in a
 * helper that preloads the chunk's CSS and static imports (about 700 B gzip in the entry script,
 * paid by every frame as soon as the app has one lazy chunk). This app turns module preload off
 * (vite.config.ts) and its lazy chunks carry no stylesheet of their own, so the helper has
 * nothing to do: this plugin gives Vite a helper that only runs the import, and fails the build
 * if a lazy chunk ever brings CSS (it would not be loaded: put those rules in src/styles.css).
 */
import type { Plugin } from 'vite'

const HELPER = '\0vite/preload-helper.js'

export function plainDynamicImports(): Plugin {
  return {
    name: 'plain-dynamic-imports',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === HELPER ? HELPER : undefined
    },
    load(id) {
      return id === HELPER ? 'export const __vitePreload = (load) => load()' : undefined
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        const css = chunk.type === 'chunk' && !chunk.isEntry ? [...(chunk.viteMetadata?.importedCss ?? [])] : []
        if (css.length)
          this.error(
            `lazy chunk ${chunk.fileName} brings its own CSS (${css.join(', ')}), which plain dynamic imports do not load: move those rules to src/styles.css`,
          )
      }
    },
  }
}
