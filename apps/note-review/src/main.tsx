import { createRecordingClient } from '@ambient-audio/core';
import { RecordingClientProvider } from '@ambient-audio/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@ambient-audio/react/styles.css';
import { App } from './App';
import './app.css';
import { apiTimeoutMs, hostToken, recordingApiUrl } from './config';

const queryClient = new QueryClient();
// The demo's "host app" hands out the reference server's development token.
const timeoutMs = apiTimeoutMs();
const recordings = createRecordingClient({
  baseUrl: recordingApiUrl(),
  getToken: hostToken,
  ...(timeoutMs ? { timeoutMs } : {}),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={recordings}>
        <App />
      </RecordingClientProvider>
    </QueryClientProvider>
  </StrictMode>,
);
