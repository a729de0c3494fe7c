import WaveSurfer from 'wavesurfer.js';
import { onMount, probe, recordingUrl, watchFirstAudio, watchSeek } from './probe';

// wavesurfer.js used the documented way: `load(url)` with the URL the API gave, playing once it is
// ready.
onMount(() => {
  const ws = WaveSurfer.create({ container: '#root', height: 64 });
  const media = ws.getMediaElement();
  if (media) watchFirstAudio(media);
  ws.on('ready', (duration) => {
    probe.waveform = performance.now();
    probe.duration = duration;
    ws.play().catch((error: unknown) => {
      probe.error = String(error);
    });
  });
  ws.on('error', (error) => {
    probe.error = error.name;
  });
  probe.seekTo = (fraction) => {
    const target = ws.getDuration() * fraction;
    watchSeek(() => ws.getMediaElement(), target);
    ws.setTime(target);
  };
  probe.seek90 = () => probe.seekTo?.(0.9);
  probe.position = () => ws.getCurrentTime();
  probe.setRate = (rate) => ws.setPlaybackRate(rate, true);
  recordingUrl()
    .then((url) => ws.load(url))
    .catch((error: unknown) => {
      probe.error = String(error);
    });
});
