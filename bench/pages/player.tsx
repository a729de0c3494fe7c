import { createRecordingClient } from '@ambient-audio/core';
import { RecordingClientProvider, RecordingPlayer, usePlayerControls } from '@ambient-audio/react';
import '@ambient-audio/react/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { observeWaveformWorker } from './observeWorker';
import { onMount, params, probe, watchFirstAudio, watchSeek, type ProgressRecord } from './probe';

observeWaveformWorker();
const progress: ProgressRecord[] = [];
probe.progress = progress;
const client = createRecordingClient({ baseUrl: params().get('api') ?? '', getToken: () => 'dev-token' });
const queryClient = new QueryClient();
// The default speeds, and 16× for the benchmark to reach the 10-minute mark quickly.
const rates = [0.75, 1, 1.25, 1.5, 1.75, 2, 16];

/** The host's screen, rendered at load; the player appears in it when the runner mounts it. */
function Shell() {
  const [shown, setShown] = useState(false);
  useEffect(() => onMount(() => setShown(true)), []);
  return (
    <main>
      <h1>RecordingPlayer</h1>
      {shown ? <Bench /> : null}
    </main>
  );
}

function Bench() {
  const { attach, seek, handle } = usePlayerControls();
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
    probe.seekTo = (fraction) => {
      const target = (probe.duration ?? 0) * fraction;
      watchSeek(() => document.querySelector('audio'), target);
      seek(target, { play: true });
    };
    probe.seek90 = () => probe.seekTo?.(0.9);
    probe.position = () => handle?.getCurrentTime() ?? 0;
  }, [seek, handle]);
  return (
    <RecordingPlayer
      sessionId={params().get('session') ?? ''}
      ref={attach}
      autoPlay
      playbackRates={rates}
      onWaveformProgress={(next) => {
        const at = performance.now();
        progress.push({ at, ...next });
        // Full width: the first pass across the whole recording has measured some columns.
        if (probe.waveform === undefined && next.coverage > 0) {
          probe.waveform = at;
          probe.waveformBytes = next.bytesFetched;
        }
      }}
    />
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={client}>
        <Shell />
      </RecordingClientProvider>
    </QueryClientProvider>,
  );
}
