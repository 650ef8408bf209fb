// @ts-check
/** Images: the logos ("Create brand assets"), the screenshots (zas screenshots.rb) and the banner (zas banner.rb). */
import { basename } from 'node:path'
import { readPngInfo } from '../../lib/png.mjs'
import { BANNER, LOGOS, SCREENSHOT } from '../data.mjs'

/** zas screenshots.rb: Dir["assets/*"].grep(/screenshot-\d.png$/) @param {string[]} files */
const screenshotsOf = (files) => files.filter((f) => /^assets\/[^/]+$/.test(f) && /screenshot-\d.png$/.test(f))
const BANNER_FILE = 'assets/banner.png'

/** @type {import('../rule.mjs').Rule[]} */
export const rules = [
  {
    id: 'docs.logo',
    summary: 'assets/logo.png is a 320x320 PNG, assets/logo-small.png a 128x128 PNG',
    check(ctx, report) {
      for (const logo of LOGOS) {
        if (!ctx.fileSet.has(logo.file)) {
          report(logo.file, `${logo.file} is missing. Expected a ${logo.width}x${logo.height} PNG.`)
          continue
        }
        const info = readPngInfo(ctx.read(logo.file))
        if (!info.ok) report(logo.file, `${logo.file} is not a valid PNG: ${info.reason}. Expected a ${logo.width}x${logo.height} PNG.`)
        else if (info.width !== logo.width || info.height !== logo.height) {
          report(logo.file, `${logo.file} is ${info.width}x${info.height} pixels. Expected ${logo.width}x${logo.height}.`)
        }
      }
    },
  },
  {
    id: 'zas.screenshots.excessive_files',
    summary: `at most ${SCREENSHOT.maxFiles} screenshots`,
    check(ctx, report) {
      const shots = screenshotsOf(ctx.files)
      if (shots.length > SCREENSHOT.maxFiles) {
        report('assets', `The app has ${shots.length} screenshots (${shots.join(', ')}); at most ${SCREENSHOT.maxFiles} are supported.`)
      }
    },
  },
  {
    id: 'zas.screenshots.invalid_size',
    summary: `screenshots are ${SCREENSHOT.width}x${SCREENSHOT.height} PNGs`,
    check(ctx, report) {
      for (const shot of screenshotsOf(ctx.files)) {
        const info = readPngInfo(ctx.read(shot))
        if (!info.ok) report(shot, `${shot} is not a valid PNG: ${info.reason}. Expected a ${SCREENSHOT.width}x${SCREENSHOT.height} PNG.`)
        else if (info.width !== SCREENSHOT.width || info.height !== SCREENSHOT.height) {
          report(shot, `${basename(shot)} is ${info.width}x${info.height} pixels. Screenshots must be ${SCREENSHOT.width}x${SCREENSHOT.height}px.`)
        }
      }
    },
  },
  // Kept (both banner rules): no banner ships today; a Marketplace listing may add one.
  {
    id: 'zas.banner.invalid_format',
    summary: 'assets/banner.png, when there, is a PNG',
    check(ctx, report) {
      if (!ctx.fileSet.has(BANNER_FILE)) return
      const info = readPngInfo(ctx.read(BANNER_FILE))
      if (!info.ok) report(BANNER_FILE, `Banner image must be a PNG file (${info.reason}).`)
    },
  },
  {
    id: 'zas.banner.invalid_size',
    summary: `assets/banner.png is ${BANNER.width}x${BANNER.height} or twice that`,
    check(ctx, report) {
      if (!ctx.fileSet.has(BANNER_FILE)) return
      const info = readPngInfo(ctx.read(BANNER_FILE))
      if (
        info.ok &&
        !((info.width === BANNER.width && info.height === BANNER.height) || (info.width === 2 * BANNER.width && info.height === 2 * BANNER.height))
      ) {
        report(
          BANNER_FILE,
          `Invalid banner image dimensions. Must be ${BANNER.width}x${BANNER.height}px (or ${2 * BANNER.width}x${2 * BANNER.height}px), got ${info.width}x${info.height}.`,
        )
      }
    },
  },
]
