import { defineConfig, type Plugin } from 'vite';

const WORKER_SOURCE = "new URL('./waveformWorker.ts', import.meta.url)";
const PLACEHOLDER = '__AMBIENT_AUDIO_WAVEFORM_WORKER_URL__';

/**
 * Ships the peak worker the way host bundlers understand: as its own module `dist/waveformWorker.js`,
 * loaded with the literal `new Worker(new URL('./waveformWorker.js', import.meta.url), { type: 'module' })`,
 * which webpack 5, Turbopack, Vite, Rollup and Parcel all recognise and rewrite. Vite's own library
 * build would turn it into an asset URL wrapped in a second `new URL(...)`, which webpack and
 * Turbopack resolve to a `file://` URL the browser refuses; so the expression is hidden from Vite's
 * worker transform and written back, literally, into the finished chunk.
 */
function literalWorkerUrl(): Plugin {
  return {
    name: 'ambient-audio:literal-worker-url',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('/createWaveformExtractor.ts') || !code.includes(WORKER_SOURCE)) return null;
      return { code: code.replace(WORKER_SOURCE, `new URL(${PLACEHOLDER}, import.meta.url)`), map: null };
    },
    renderChunk(code) {
      if (!code.includes(PLACEHOLDER)) return null;
      return { code: code.replaceAll(PLACEHOLDER, "'./waveformWorker.js'"), map: null };
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.js'];
      const literal =
        /new Worker\(new URL\(["']\.\/waveformWorker\.js["'], import\.meta\.url\), \{ type: ["']module["'] \}\)/;
      if (index?.type !== 'chunk' || !literal.test(index.code) || !bundle['waveformWorker.js']) {
        this.error(
          'dist/index.js must load dist/waveformWorker.js with the literal new Worker(new URL(...)) form',
        );
      }
    },
  };
}

export default defineConfig({
  plugins: [literalWorkerUrl()],
  build: {
    lib: {
      entry: { index: 'src/index.ts', waveformWorker: 'src/waveform/waveformWorker.ts' },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      external: [/^valibot(\/.*)?$/],
    },
  },
});
