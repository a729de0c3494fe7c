import { createRecordingClient } from '@ambient-audio/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { RecordingClientProvider } from '../src/hooks/RecordingClientProvider';

/** What a host app provides, fresh for each story so no story sees another's cache. */
export function StoryProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  const [client] = useState(() =>
    createRecordingClient({ baseUrl: '/vendor', getToken: () => 'story-token' }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={client}>{children}</RecordingClientProvider>
    </QueryClientProvider>
  );
}
