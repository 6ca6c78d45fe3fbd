import { createStandaloneApp } from '@codexion/web';
import { client } from '../core/generated/client/client.gen.js';
import module from './module.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// `?lang=de` (or a German browser) shows the German catalogs and formats
const requested = new URLSearchParams(location.search).get('lang');
const german = requested ? requested === 'de' : navigator.language.toLowerCase().startsWith('de');
// the generated hey-api client (for the app's own pages) shares the API's base URL and session
createStandaloneApp(module, {
  apiBaseUrl: '/api/crm',
  clients: [client],
  locale: german ? 'de-DE' : 'en-US',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  currency: 'EUR',
}).mount(root);
