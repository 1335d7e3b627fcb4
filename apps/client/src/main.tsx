import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n/i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first render is already in the page's language (German loads on demand before it).
await initI18n();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
