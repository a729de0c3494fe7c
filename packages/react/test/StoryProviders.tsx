import { createRecordingClient } from '@ambient-audio/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { RecordingClientProvider } from '../src/hooks/RecordingClientProvider';
import { recordingQueryOptions, type RecordingQueryConfig } from '../src/hooks/recordingQueryOptions';
import { STORY_TOKEN } from './storyApi';

export interface StoryPrefetch {
  sessionId: string;
  /** The query's options, e.g. `{ retry: { processingMaxWaitMs: 3_000 } }` for a short processing wait. */
  config: RecordingQueryConfig;
}

export interface StoryProvidersProps {
  children: ReactNode;
  /**
   * Starts the session's recording query before the player mounts, as a host's
   * `queryClient.prefetchQuery(recordingQueryOptions(client, id, 'stream', config))` does; the player
   * then joins that fetch, retries included.
   */
  prefetch?: StoryPrefetch | undefined;
}

/**
 * What a host app provides, made fresh for each story when it mounts: its own QueryClient (no story
 * sees another's cache, even with every story of a Docs page on screen) and a recording client on
 * the story API's relative `/vendor` base (the handlers of `storyApi`).
 */
export function StoryProviders({ children, prefetch }: StoryProvidersProps) {
  const [{ queryClient, client }] = useState(() => {
    const client = createRecordingClient({ baseUrl: '/vendor', getToken: () => STORY_TOKEN });
    const queryClient = new QueryClient();
    if (prefetch) {
      void queryClient.prefetchQuery(
        recordingQueryOptions(client, prefetch.sessionId, 'stream', prefetch.config),
      );
    }
    return { queryClient, client };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={client}>{children}</RecordingClientProvider>
    </QueryClientProvider>
  );
}
