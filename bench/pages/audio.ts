import { params, probe, setElementRate, watchFirstAudio, watchSeek } from './probe';

// The baseline: a bare <audio> streaming the presigned URL. No waveform.
const audio = document.createElement('audio');
audio.preload = 'auto';
audio.src = params().get('url') ?? '';
document.getElementById('root')?.append(audio);
watchFirstAudio(audio);
audio.addEventListener('loadedmetadata', () => {
  probe.duration = audio.duration;
});
audio.play().catch((error: unknown) => {
  probe.error = String(error);
});
probe.seekTo = (fraction) => {
  const target = audio.duration * fraction;
  watchSeek(() => audio, target);
  audio.currentTime = target;
};
probe.seek90 = () => probe.seekTo?.(0.9);
probe.position = () => audio.currentTime;
probe.setRate = (rate) => setElementRate(audio, rate);
