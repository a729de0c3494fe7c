'use client';

// The one page every consumer fixture renders, copied into each host app by consumers/run.ts: a plain
// host page as the README shows it. It is type-checked by each host's own tsconfig, so it uses only
// what the packages export and the host's React provides.
import { createRecordingClient } from '@ambient-audio/core';
import {
  RecordingClientProvider,
  RecordingPlayer,
  usePlayerControls,
  type AuditEvent,
  type WaveformProgress,
} from '@ambient-audio/react';
import '@ambient-audio/react/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

/** What the consumer matrix reads back from the page. */
export interface ConsumerRecord {
  progress: WaveformProgress[];
  audit: AuditEvent[];
}

declare global {
  interface Window {
    __consumer?: ConsumerRecord;
  }
}

function consumerRecord(): ConsumerRecord {
  window.__consumer ??= { progress: [], audit: [] };
  return window.__consumer;
}

export interface ConsumerPageProps {
  /** Base URL of the recording API. */
  api: string;
  sessionId: string;
}

/** Reads `?api=` and `?session=` (default `visit-demo`) from a query string. */
export function consumerParams(search: string): ConsumerPageProps {
  const params = new URLSearchParams(search);
  return { api: params.get('api') ?? '', sessionId: params.get('session') ?? 'visit-demo' };
}

export function ConsumerPage({ api, sessionId }: ConsumerPageProps) {
  const [queryClient] = useState(() => new QueryClient());
  const [recordings] = useState(() => createRecordingClient({ baseUrl: api, getToken: () => 'dev-token' }));
  return (
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={recordings}>
        <Visit sessionId={sessionId} />
      </RecordingClientProvider>
    </QueryClientProvider>
  );
}

function Visit({ sessionId }: { sessionId: string }) {
  const controls = usePlayerControls();
  return (
    <main>
      <h1>Visit {sessionId}</h1>
      <button type="button" onClick={() => controls.seek(60)}>
        Seek to 1:00
      </button>
      <RecordingPlayer
        sessionId={sessionId}
        ref={controls.attach}
        onWaveformProgress={(progress) => consumerRecord().progress.push({ ...progress })}
        onAuditEvent={(event) => consumerRecord().audit.push(event)}
      />
    </main>
  );
}
