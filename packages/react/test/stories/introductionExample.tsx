import { createRecordingClient } from '@ambient-audio/core';
import { RecordingClientProvider, RecordingPlayer, type AuditEvent } from '@ambient-audio/react';
import '@ambient-audio/react/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';

// One cache for the app: the player's URLs, refreshed before they expire, live in it.
const queryClient = new QueryClient();

const recordings = createRecordingClient({
  // The vendor API, here behind the app's own proxy; an absolute https: URL works as well.
  baseUrl: '/vendor',
  // Asked for on every request and never stored: the app owns the token and its refresh.
  getToken: () => sessionStorage.getItem('vendor-token') ?? '',
});

const auditTrail: AuditEvent[] = [];

function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={recordings}>
        <RecordingPlayer
          sessionId="01KFJZTJWZH28GRHQXVCGW4Y47"
          theme="dark"
          onAuditEvent={(event) => auditTrail.push(event)}
        />
      </RecordingClientProvider>
    </QueryClientProvider>
  );
}

// The app's page: <div id="root"></div>.
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
