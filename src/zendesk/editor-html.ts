/**
 * Reply texts as `ticket.editor.insert` wants them: HTML. Zendesk runs it through a sanitizer
 * (rich-text editor) or turns it into Markdown (chat composer); in both a raw `\n` is only
 * whitespace. Our texts separate paragraphs with a blank line and lines with `\n`, so each
 * paragraph becomes a `<p>` (which also starts it below whatever the agent has typed) and each
 * line break a `<br>`.
 */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

export const editorHtml = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    // One or more blank lines end a paragraph. Not `\s`: it would eat a no-break space the article keeps.
    .split(/\n[ \t]*\n[ \t\n]*/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => `<p>${paragraph.replace(/[&<>]/g, (c) => ENTITY[c]!).replace(/\n/g, '<br>')}</p>`)
    .join('')
