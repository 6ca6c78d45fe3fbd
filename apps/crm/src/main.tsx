import { createStandaloneApp } from '@codexion/web';
import { client } from '../core/generated/client/client.gen.js';
import module from './module.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// `?lang=de` (or a German browser) shows the German catalogs and formats
const requested = new URLSearchParams(location.search).get('lang');
const german = requested ? requested === 'de' : navigator.language.toLowerCase().startsWith('de');
// the pages call the generated SDK on the API root the generated client names
createStandaloneApp(module, {
  apiBaseUrl: client.getConfig().baseUrl ?? '',
  locale: german ? 'de-DE' : 'en-US',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  currency: 'EUR',
}).mount(root);
