/**
 * Texts that follow the help-center article: the article body's HTML against the built-in
 * reply texts, pure (no SDK, DOM or network), loaded as its own chunk only in frames where an
 * article id is configured. The owner's CLI (`npm run article:check`) uses report.ts on top.
 *
 * - html.ts: the body as text blocks (a string tokenizer)
 * - locate.ts: where each reply text sits in the article today
 * - compare.ts: same / differs / not found / ambiguous per step, and the text to send
 */
export { articleBody, compareWithArticle, sameWording, textToSend } from './compare'
export type { ArticleComparison, StepComparison, TextToSend } from './compare'
