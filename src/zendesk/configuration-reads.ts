/**
 * The TicketHost reads only some frames make: the help-center article (a frame with
 * `procedure_article_id` set) and what the admin's settings check asks. Loaded as a chunk the
 * first time one of them is called (ticket-host.ts), so a frame that makes none never ships them.
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

    readMacro: (id: number): Promise<MacroRecord> => readOnce(`/api/v2/macros/${id}.json`, 'macro', (macro) => ({ id, title: text(macro.title) ?? '', active: macro.active === true })),
  }
}
