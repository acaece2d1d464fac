// Renderer entry: restores the last route, starts listening to engine events, mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { restoreRoute } from './app/router';
import { startAppEvents } from './state/appStore';
import { useUiStore } from './state/uiStore';
import './styles/base.css';
import './styles/table.css';
import './styles/components.css';
import './styles/dashboard.css';
import './styles/report.css';
import './styles/print.css';
import './styles/contacts.css';

// Apply the saved theme before the first paint, so a dark-theme user never sees a light flash.
document.documentElement.dataset.theme = useUiStore.getState().theme;
restoreRoute();
startAppEvents();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
