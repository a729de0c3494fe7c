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
    rolldownOptions: { external },
  },
});
