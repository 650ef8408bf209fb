import { detectIntent, NO_HINT, type IntentHint } from '../procedure'

/** How much of one message the intent hint reads. */
export const MAX_HINT_CHARS = 2000

/**
 * The hint from the newest customer message that gives one: in a chat the latest line is often a
 * follow-up ("둘 다 같은 번호예요") while the question came just before.
 */
export function hintFrom(messages: readonly string[]): IntentHint {
  for (const message of messages) {
    // A pasted log or a very long message: the question is in its first lines.
    const hint = detectIntent(message.slice(0, MAX_HINT_CHARS))
    if (hint.intent !== 'none') return hint
  }
  return NO_HINT
}
