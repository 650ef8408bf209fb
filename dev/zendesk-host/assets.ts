/**
 * Browser bundles the local host serves, built at server start with vite's `build()` (lib mode,
 * IIFE) into a temporary folder, never into dist/:
 *
 * - `zaf_sdk.js`: the npm package zendesk_app_framework_sdk (CommonJS) as one script that sets
 *   `window.ZAFClient`, standing in for Zendesk's CDN build;
 * - `page.js`: the host page (dev/zendesk-host/page.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'vite'
import type { InlineConfig } from 'vite'

export interface HostAssets {
  /** Absolute path of the SDK bundle. */
  sdk: string
  /** Absolute path of the host page bundle. */
  page: string
  /** The SDK package's version (for the log). */
  sdkVersion: string
}

function libConfig(root: string, outDir: string, entry: string, fileName: string, name: string): InlineConfig {
  return {
    configFile: false,
    envDir: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      write: true,
      minify: false,
      sourcemap: 'inline',
      target: 'es2020',
      reportCompressedSize: false,
      lib: { entry, formats: ['iife'], name, fileName: () => fileName },
    },
  }
}

/** Builds both bundles into `outDir`; `root` is the project root (where node_modules is). */
export async function buildHostAssets(root: string, outDir: string): Promise<HostAssets> {
  const sdkDir = resolve(root, 'node_modules/zendesk_app_framework_sdk')
  const sdkPackage = JSON.parse(readFileSync(resolve(sdkDir, 'package.json'), 'utf8')) as { version: string; main?: string }
  const sdkMain = resolve(sdkDir, sdkPackage.main ?? 'lib/index.js')
  // An entry that imports the SDK's CommonJS main and puts it on `window`, as the CDN script does.
  const sdkEntry = resolve(outDir, 'zaf-sdk-entry.js')
  writeFileSync(sdkEntry, `import ZAFClient from ${JSON.stringify(sdkMain)};\nwindow.ZAFClient = ZAFClient;\n`)
  await build(libConfig(root, outDir, sdkEntry, 'zaf_sdk.js', 'ZAFClientBundle'))
  await build(libConfig(root, outDir, resolve(root, 'dev/zendesk-host/page.ts'), 'page.js', 'LocalZendeskHost'))
  return { sdk: resolve(outDir, 'zaf_sdk.js'), page: resolve(outDir, 'page.js'), sdkVersion: sdkPackage.version }
}
