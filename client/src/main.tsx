import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from './app/providers';
import { getLocale } from './i18n/locale-store';
import './app/styles.css';

document.documentElement.lang = getLocale();

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Providers />
  </StrictMode>,
);
