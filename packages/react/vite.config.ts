import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Peers and the core package stay imports: the host app owns one copy of each.
const external = [
  /^react(\/.*)?$/,
  /^react-dom(\/.*)?$/,
  /^@tanstack\/react-query(\/.*)?$/,
  /^wavesurfer\.js(\/.*)?$/,
  /^@ambient-audio\/core(\/.*)?$/,
];

export default defineConfig({
  plugins: [react()],
  build: {
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: 'index',
    },
    sourcemap: true,
    target: 'es2022',
    // What the lazy waveform chunk shares with index.js stays in index.js (which gains internal
    // exports), not in a small chunk of its own that every host would load up front.
    rolldownOptions: { external, preserveEntrySignatures: 'allow-extension' },
  },
});
