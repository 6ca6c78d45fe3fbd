import { createCortexApp } from './shell/create-cortex-app.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createCortexApp().mount(root);
