import { createStandaloneApp } from '@codexion/web';
import { client } from '../../cli/fixtures/sales/core/generated/client/client.gen.js';
import { createSalesModule, sales } from './sales-module.js';
import './styles.css';

// `?lang=de` shows the German catalogs and formats; `?rows=100000` fills the list for the bench.
const params = new URLSearchParams(location.search);
const german = params.get('lang') === 'de';
const rows = Number(params.get('rows') ?? 0);

// The in-memory API stands in for the server; it loads as its own chunk, not with the app.
import('./demo-api.js').then(({ createDemoApi }) => {
  const api = createDemoApi(sales, rows);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  // the bench reads its rows in one request, so scrolling to the middle needs no paging
  createStandaloneApp(createSalesModule({ pageSize: rows || undefined }), {
    // the API root the fixture's generated client names; the pages call its SDK there
    apiBaseUrl: client.getConfig().baseUrl ?? '',
    fetch: api.fetch,
    // the in-memory API has no /api/auth: nobody signs in to the demo
    signIn: false,
    locale: german ? 'de-DE' : 'en-US',
    timeZone: 'Europe/Berlin',
    currency: 'EUR',
    permissions: ['sales:*'],
  }).mount(root);
});
