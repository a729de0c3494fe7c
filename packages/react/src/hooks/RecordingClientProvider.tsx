import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { RecordingClient } from '@ambient-audio/core';

interface RecordingContext {
  client: RecordingClient;
  createPeakWorker: (() => Worker) | undefined;
}

const RecordingClientContext = createContext<RecordingContext | null>(null);

export interface RecordingClientProviderProps {
  client: RecordingClient;
  /**
   * Makes the waveform's Web Worker, for hosts whose bundler does not pick up core's
   * `new Worker(new URL('./peakWorker.js', import.meta.url))` or that serve the script themselves, e.g.
   * `() => new Worker(new URL('@ambient-audio/core/peak-worker', import.meta.url), { type: 'module' })`.
   */
  createPeakWorker?: (() => Worker) | undefined;
  children?: ReactNode;
}

/**
 * Puts a core `RecordingClient` in context for the hooks and players below. It brings no QueryClient
 * of its own: the app's `QueryClientProvider` owns the cache, as TanStack Query expects.
 */
export function RecordingClientProvider({
  client,
  createPeakWorker,
  children,
}: RecordingClientProviderProps) {
  const value = useMemo(() => ({ client, createPeakWorker }), [client, createPeakWorker]);
  return <RecordingClientContext.Provider value={value}>{children}</RecordingClientContext.Provider>;
}

function useRecordingContext(): RecordingContext {
  const context = useContext(RecordingClientContext);
  if (!context) {
    throw new Error('useRecordingClient: wrap the component in <RecordingClientProvider client={...}>.');
  }
  return context;
}

export function useRecordingClient(): RecordingClient {
  return useRecordingContext().client;
}

/** The host's worker factory from `RecordingClientProvider`, if it gave one. */
export function usePeakWorkerFactory(): (() => Worker) | undefined {
  return useContext(RecordingClientContext)?.createPeakWorker;
}
