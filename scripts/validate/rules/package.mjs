// @ts-check
/** The package as a whole: what zcli zips, manifest.json itself, the upload size. */
import { MAX_ZIP_BYTES } from '../data.mjs'
import { MANIFEST } from '../rule.mjs'
import { jsonType, show } from '../util.mjs'

/** @type {import('../rule.mjs').Rule[]} */
export const rules = [
  {
    id: 'zas.symlink_in_zip',
    summary: 'no symlinks in the package (marketplace.rb)',
    check(ctx, report) {
      for (const link of ctx.listing.symlinks)
        report(link, `Symlinks are not allowed in the zip file. ${link} is a symlink; expected a regular file or directory.`)
    },
  },
  {
    id: 'own.not_packaged',
    summary: 'warns about files zcli leaves out of the zip (tmp/, dot-files, zcli.apps.config.json)',
    level: 'warning',
    check(ctx, report) {
      for (const skipped of ctx.listing.skipped) {
        report(skipped, `${skipped} is not part of the package (tmp/, dot-files and zcli.apps.config.json are left out) and will not be uploaded.`)
      }
    },
  },
  {
    id: 'zas.missing_manifest',
    summary: 'manifest.json at the package root',
    check(ctx, report) {
      if (ctx.manifestFile.kind === 'missing') report(MANIFEST, 'Could not find manifest.json. Expected it at the root of the package.')
    },
  },
  {
    id: 'zas.nested_manifest',
    summary: 'manifest.json not one folder down (a zip made of the folder instead of its contents)',
    check(ctx, report) {
      const f = ctx.manifestFile
      if (f.kind === 'nested') {
        report(MANIFEST, `Could not find manifest.json in the root of the zip file, but ${f.path} was found. Try re-creating the archive from this directory.`)
      }
    },
  },
  {
    id: 'zas.manifest_not_json',
    summary: 'manifest.json parses as JSON',
    check(ctx, report) {
      const f = ctx.manifestFile
      if (f.kind === 'not_json') report(MANIFEST, `manifest is not proper JSON. ${f.message}`)
    },
  },
  {
    id: 'own.manifest_not_object',
    summary: 'manifest.json holds a JSON object',
    check(ctx, report) {
      const f = ctx.manifestFile
      if (f.kind === 'not_object') report(MANIFEST, `manifest.json must contain a JSON object, got ${jsonType(f.value)}.`)
    },
  },
  {
    id: 'zas.duplicate_manifest_keys',
    summary: 'no key twice in one manifest object (manifest/no_override_hash.rb)',
    check(ctx, report) {
      const f = ctx.manifestFile
      if (f.kind !== 'duplicates') return
      for (const d of f.duplicates) {
        report(
          MANIFEST,
          `Duplicate keys are specified in the manifest.json file. Duplicate reference in manifest: "${d.path}". Initially set to "${show(d.original)}", attempted overwrite to "${show(d.attempted)}".`,
        )
      }
    },
  },
]

/** Runs last: the zip is only made once the rest is known. */
/** @type {import('../rule.mjs').Rule[]} */
export const sizeRules = [
  {
    id: 'docs.package_too_large',
    summary: 'the zip is at most 2 MB ("Uploading and installing a private app")',
    check(ctx, report) {
      const bytes = ctx.zipBytes()
      if (bytes !== null && bytes > MAX_ZIP_BYTES) {
        report('.', `The package zips to ${bytes} bytes; Zendesk accepts at most ${MAX_ZIP_BYTES} bytes (2 MB) for a private app.`)
      }
    },
  },
]
