/**
 * The built-in reply texts against the article's current wording: text, not markup. Two texts
 * are the same when their non-empty lines are, each with its whitespace folded: entities,
 * no-break spaces, spans and how the lines are split into `<p>` or `<br>` make no difference;
 * a changed word, a line break moved inside a sentence, a line added or dropped do.
 */
import type { ArticleTextId } from '../procedure/article'
import { articleBlocks, foldLine } from './html'
import { locate, PLACES } from './locate'
import type { Location } from './locate'

/** One step's text against the article. `article` is the article's wording, '\n' between lines. */
export type StepComparison =
  | { readonly status: 'same' | 'differs'; readonly article: string }
  | { readonly status: 'not_found'; readonly missing: 'section' | 'heading' | 'text' }
  | { readonly status: 'ambiguous'; readonly of: 'section' | 'heading' | 'lists'; readonly count: number }

/** Every reply text's comparison, by step id. */
export type ArticleComparison = Readonly<Record<ArticleTextId, StepComparison>>

/** A text's lines as compared: whitespace folded, empty lines dropped. */
export function wordingLines(text: string): string[] {
  return text
    .split('\n')
    .map(foldLine)
    .filter((line) => line !== '')
}

/** Whether two texts have the same wording (see the module comment). */
export function sameWording(a: string, b: string): boolean {
  const left = wordingLines(a)
  const right = wordingLines(b)
  return left.length === right.length && left.every((line, i) => line === right[i])
}

function compareStep(location: Location, builtIn: string): StepComparison {
  if (location.found === 'none') return { status: 'not_found', missing: location.missing }
  if (location.found === 'many') return { status: 'ambiguous', of: location.of, count: location.count }
  return { status: sameWording(location.text, builtIn) ? 'same' : 'differs', article: location.text }
}

/**
 * Compares every reply text with the article body (`article.body` of the Help Center API).
 * `builtIn` gives the app's own text for a step (`articleText` of src/procedure).
 */
export function compareWithArticle(body: string, builtIn: (id: ArticleTextId) => string): ArticleComparison {
  const blocks = articleBlocks(body)
  const step = (id: ArticleTextId) => compareStep(locate(blocks, PLACES[id]), builtIn(id))
  return {
    nonmember_notice: step('nonmember_notice'),
    verification_steps_app: step('verification_steps_app'),
    contact_match_request: step('contact_match_request'),
    contact_howto_kakaotalk: step('contact_howto_kakaotalk'),
    contact_howto_driver_app: step('contact_howto_driver_app'),
    verification_steps_chat: step('verification_steps_chat'),
    kakaotalk_relogin: step('kakaotalk_relogin'),
  }
}

/** The text to send for a step, and whose wording it is. */
export interface TextToSend {
  readonly text: string
  readonly source: 'article' | 'built_in'
}

/**
 * With `texts_source=article`: the article's wording where the step was located unambiguously
 * (same or differs), the built-in text where it was not found or found more than once.
 */
export function textToSend(step: StepComparison, builtIn: string): TextToSend {
  return step.status === 'same' || step.status === 'differs' ? { text: step.article, source: 'article' } : { text: builtIn, source: 'built_in' }
}

/** The body of a Help Center API article response (`{ article: { body } }`), or null. */
export function articleBody(response: unknown): string | null {
  const article: unknown = typeof response === 'object' && response !== null && 'article' in response ? response.article : null
  return typeof article === 'object' && article !== null && 'body' in article && typeof article.body === 'string' ? article.body : null
}
