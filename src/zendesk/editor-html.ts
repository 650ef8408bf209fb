/**
 * Reply texts as `ticket.editor.insert` wants them: HTML. Zendesk runs it through a sanitizer
 * (rich-text editor) or turns it into Markdown (chat composer); in both a raw `\n` is only
 * whitespace. Our texts separate paragraphs with a blank line and lines with `\n`, so each
 * paragraph becomes a `<p>` (which also starts it below whatever the agent has typed) and each
 * line break a `<br>`.
 */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

export const editorHtml = (text: string): string =>
  `<p>${text
    .replace(/[&<>]/g, (c) => ENTITY[c]!)
    // A blank line (the article's lines never end in spaces) ends a paragraph.
    .replace(/\n\n+/g, '</p><p>')
    .replace(/\n/g, '<br>')}</p>`
