import { params, probe, watchFirstAudio, watchSeek } from './probe';

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
probe.seek90 = () => {
  const target = audio.duration * 0.9;
  watchSeek(() => audio, target);
  audio.currentTime = target;
};
