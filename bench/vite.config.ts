import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { workspaceAliases } from '../workspace-aliases.ts';

const page = (name: string) => fileURLToPath(new URL(`./pages/${name}.html`, import.meta.url));

/** The three benchmark pages, built like a host app would build them (production mode, minified). */
export default defineConfig({
  root: fileURLToPath(new URL('./pages', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: { alias: workspaceAliases },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      input: { audio: page('audio'), wavesurfer: page('wavesurfer'), player: page('player') },
    },
  },
});
