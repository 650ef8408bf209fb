/**
 * The TicketHost calls only some frames make: the help-center article (a frame with
 * `procedure_article_id` set), what the admin's settings check asks, and the audit note's write
 * (`audit_note` on). Loaded as a chunk the first time one of them is called (ticket-host.ts), so a
 * frame that makes none never ships them.
 */
import { isRecord, text, type ZafCalls } from './calls'
import { records, type HelpCenterArticle, type MacroRecord, type UserFieldDefinition } from './ticket-host'

/** ticket-host.ts's read of one REST record, once per app instance. */
type ReadOnce = <T>(url: string, key: string, convert: (record: Record<string, unknown>) => T) => Promise<T>

export function configurationReads(calls: ZafCalls, readOnce: ReadOnce) {
  return {
    /** An article without a body reads as an empty one: nothing of the procedure in it. */
    readArticle: (locale: string, id: number): Promise<HelpCenterArticle> =>
      readOnce(`/api/v2/help_center/${locale}/articles/${id}.json`, 'article', (article) => ({ id, body: text(article.body) ?? '' })),

    async readUserFields(): Promise<UserFieldDefinition[]> {
      const { body } = await calls.request({ url: '/api/v2/user_fields.json', type: 'GET' })
      return records(isRecord(body) ? body.user_fields : null).map((field) => ({
        key: text(field.key) ?? '',
        type: text(field.type) ?? '',
        options: records(field.custom_field_options).flatMap(({ value }) => text(value) ?? []),
      }))
    },

    readMacro: (id: number): Promise<MacroRecord> =>
      readOnce(`/api/v2/macros/${id}.json`, 'macro', (macro) => ({ id, title: text(macro.title) ?? '', active: macro.active === true })),

    async writeInternalNote(ticketId: number, body: string): Promise<void> {
      await calls.request({
        url: `/api/v2/tickets/${ticketId}.json`,
        type: 'PUT',
        contentType: 'application/json',
        data: JSON.stringify({ ticket: { comment: { body, public: false } } }),
      })
    },

    // The cheapest read that is right: one REST page (100) of the newest comments, the server's. The
    // page's own `ticket.comments` may not have caught up with a REST write yet (a note that landed
    // would look missing and be written twice), audits carry every field change besides, and search
    // lags behind by minutes. Asked only before writing a note again, where it landed moments ago.
    async hasComment(ticketId: number, marker: string): Promise<boolean> {
      const { body } = await calls.request({ url: `/api/v2/tickets/${ticketId}/comments.json?sort_order=desc` })
      // The marker is random letters and digits: found anywhere in the page, it is that note.
      return JSON.stringify(body).includes(marker)
    },
  }
}
