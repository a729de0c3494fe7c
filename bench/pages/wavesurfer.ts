import WaveSurfer from 'wavesurfer.js';
import { params, probe, watchFirstAudio, watchSeek } from './probe';

// wavesurfer.js used the documented way: `create({ url })`, playing once it is ready.
const ws = WaveSurfer.create({ container: '#root', url: params().get('url') ?? '', height: 64 });
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
