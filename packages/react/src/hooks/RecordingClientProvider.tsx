import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { RecordingClient } from '@ambient-audio/core';

const RecordingClientContext = createContext<RecordingClient | null>(null);

export interface RecordingClientProviderProps {
  client: RecordingClient;
  children?: ReactNode;
}

/**
 * Puts a core `RecordingClient` in context for the hooks and players below. It brings no QueryClient
 * of its own: the app's `QueryClientProvider` owns the cache, as TanStack Query expects.
 */
export function RecordingClientProvider({ client, children }: RecordingClientProviderProps) {
  return <RecordingClientContext.Provider value={client}>{children}</RecordingClientContext.Provider>;
}

export function useRecordingClient(): RecordingClient {
  const client = useContext(RecordingClientContext);
  if (!client) {
    throw new Error('useRecordingClient: wrap the component in <RecordingClientProvider client={...}>.');
  }
  return client;
}
