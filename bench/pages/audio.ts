import { onMount, probe, recordingUrl, setElementRate, watchFirstAudio, watchSeek } from './probe';

// The baseline: a bare <audio> streaming the presigned URL the API gave it. No waveform.
onMount(() => {
  const audio = document.createElement('audio');
  audio.preload = 'auto';
  document.getElementById('root')?.append(audio);
  watchFirstAudio(audio);
  audio.addEventListener('loadedmetadata', () => {
    probe.duration = audio.duration;
  });
  probe.seekTo = (fraction) => {
    const target = audio.duration * fraction;
    watchSeek(() => audio, target);
    audio.currentTime = target;
  };
  probe.seek90 = () => probe.seekTo?.(0.9);
  probe.position = () => audio.currentTime;
  probe.setRate = (rate) => setElementRate(audio, rate);
  recordingUrl()
    .then((url) => {
      audio.src = url;
      return audio.play();
    })
    .catch((error: unknown) => {
      probe.error = String(error);
    });
});
