import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { call } from './bridge/api.ts';
import './styles/app.css';

// An error nobody caught in the page would leave no trace once the window closes: log it.
const report = (message: string) =>
  void call('app.reportError', { kind: 'renderer', message: message.slice(0, 2000) }).catch(() => {});
window.addEventListener('error', (event) => report(event.message));
window.addEventListener('unhandledrejection', (event) => report(String(event.reason)));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
