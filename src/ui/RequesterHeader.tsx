import type { Translate } from '../i18n'
import type { Requester } from '../zendesk/ticket-host'

/** Who is asking. Names are shown as text (preact escapes them), never as HTML. */
export function RequesterHeader({ requester, t }: { requester: Requester | null; t: Translate }) {
  if (!requester) return <p class="notice">{t('noRequester')}</p>
  return (
    <header class="requester">
      <span class="requester__label">{t('requester')}</span>
      <strong class="requester__name" data-testid="requester-name">
        {requester.name.trim() || t('unnamedRequester')}
      </strong>
    </header>
  )
}
