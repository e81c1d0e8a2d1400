import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './styles/tokens.css';
import './styles/app.css';
import './styles/print.css';
import { ApiRequestError } from './api/client.ts';
import { App, startLoading } from './App.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // An error the user must act on (not logged in, no access, bad input) is not worth retrying.
      retry: (count, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

startLoading(queryClient);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
