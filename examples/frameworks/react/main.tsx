import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Defines every <cnr-…> element (npm package, tree-shakable per element: '@cnr-widgets/elements/project-list.js'…).
import '@cnr-widgets/elements/all.js';
import { App } from './App';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
