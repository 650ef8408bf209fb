// The app loads one language chunk at a time; the tests render either, so both are loaded first.
import { loadLanguage } from '../src/i18n'

await Promise.all([loadLanguage('ko'), loadLanguage('en')])
