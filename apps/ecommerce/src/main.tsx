import { createStandaloneApp } from '@codexion/web';
import { client } from '../core/generated/client/client.gen.js';
import module from './module.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// the pages call the generated SDK on the API root the generated client names
createStandaloneApp(module, { apiBaseUrl: client.getConfig().baseUrl ?? '' }).mount(root);
