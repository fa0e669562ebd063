import './zod-jitless';
import { render } from 'solid-js/web';
import App from './App';
import './ui/tokens.css';
import './ui/base.css';
import './ui/components.css';
import './ui/feedback.css';
import './ui/data.css';
import './app.css';
import './app-narrow.css';
import './features/cases/cases.css';
import './features/cases/case-lists.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => <App />, root);
