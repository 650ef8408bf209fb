import { render } from 'preact'
import { resolveLanguage } from './i18n'
import { App } from './ui/App'
import { connectToZendesk } from './zendesk/ticket-host'
import '@zendeskgarden/css-bedrock/dist/index.css'
import '@zendeskgarden/css-buttons/dist/index.css'
import '@zendeskgarden/css-forms/dist/index.css'
import './styles.css'

const mount = document.getElementById('app')
if (mount) render(<App host={connectToZendesk()} initialLanguage={resolveLanguage(navigator.language)} />, mount)
