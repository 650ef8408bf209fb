// The procedure gives codes; these render them as the sidebar does, to assert the sentences.
import type { Reason } from '../../src/procedure'
import { translator, type MessageKey } from '../../src/i18n'
import { reasonText } from '../../src/i18n/procedure-texts'

export const ko = (reason: Reason | undefined): string => (reason ? reasonText(translator('ko'), reason) : '')
export const en = (reason: Reason | undefined): string => (reason ? reasonText(translator('en'), reason) : '')
/** A catalogue entry in both languages, e.g. `branch_answer_directly`. */
export const texts = (key: MessageKey) => ({ ko: translator('ko')(key), en: translator('en')(key) })
