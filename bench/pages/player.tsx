import { createRecordingClient } from '@ambient-audio/core';
import { RecordingClientProvider, RecordingPlayer, usePlayerControls } from '@ambient-audio/react';
import '@ambient-audio/react/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { params, probe, watchFirstAudio, watchSeek } from './probe';

const client = createRecordingClient({ baseUrl: params().get('api') ?? '', getToken: () => 'dev-token' });
const queryClient = new QueryClient();

function Bench() {
  const { attach, seek } = usePlayerControls();
  useEffect(() => {
    // The player's media elements are its own; watch the first one that appears.
    const observer = new MutationObserver(() => {
      const audio = document.querySelector('audio');
      if (audio) {
        observer.disconnect();
        watchFirstAudio(audio);
        audio.addEventListener('loadedmetadata', () => {
          probe.duration ??= audio.duration;
        });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    probe.seek90 = () => {
      const target = (probe.duration ?? 0) * 0.9;
      watchSeek(() => document.querySelector('audio'), target);
      seek(target, { play: true });
    };
  }, [seek]);
  return (
    <main>
      <h1>RecordingPlayer</h1>
      <RecordingPlayer
        sessionId={params().get('session') ?? ''}
        ref={attach}
        autoPlay
        onWaveformProgress={(progress) => {
          // Full width: the first sampled pass has measured peaks across the whole file.
          if (probe.waveform === undefined && progress.coverage >= 0.1) {
            probe.waveform = performance.now();
            probe.waveformBytes = progress.bytesFetched;
          }
        }}
      />
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={client}>
        <Bench />
      </RecordingClientProvider>
    </QueryClientProvider>,
  );
}
