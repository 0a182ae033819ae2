// Renderer entry: theme, translations and the error boundary around the session state machine.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
// After the core styles, as @mantine/charts asks (the summary page's charts).
import '@mantine/charts/styles.css';
import 'dayjs/locale/it';
import 'dayjs/locale/en-gb';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { i18n } from './i18n';
import { theme } from './theme';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <ErrorBoundary>
            <App />
          </ErrorBoundary>
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
