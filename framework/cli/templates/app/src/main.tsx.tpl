import { createStandaloneApp } from '@codexion/web';
import { client } from '../core/generated/client/client.gen.js';
import module from './module.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// the generated hey-api client (for the app's own pages) shares the API's base URL and session
createStandaloneApp(module, { apiBaseUrl: '/api/{{name}}', clients: [client] }).mount(root);
