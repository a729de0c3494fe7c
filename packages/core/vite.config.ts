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
      // In the extractor's lazy chunk, which sits next to the worker in dist/.
      const literal =
        /new Worker\(new URL\(["']\.\/waveformWorker\.js["'], import\.meta\.url\), \{ type: ["']module["'] \}\)/;
      const loader = Object.values(bundle).find(
        (output) => output.type === 'chunk' && !output.fileName.includes('/') && literal.test(output.code),
      );
      if (!loader) {
        this.error(
          'a chunk in dist/ must load dist/waveformWorker.js with the literal new Worker(new URL(...)) form',
        );
      }
    },
  };
}

/**
 * Two builds into one `dist/`. The library (`index.js`, with the parts a player loads later as lazy
 * chunks: the waveform extractor, the main-thread fallback's engine, the cue tracker, whole-file
 * downloads), and, with `--mode worker`, the worker as one self-contained file. Built together, the
 * engine's modules became a chunk both entries import, so every host loaded it up front with
 * `index.js`, though only the worker (or the rare fallback) runs it.
 */
export default defineConfig(({ mode }) => (mode === 'worker' ? workerBuild : libraryBuild));

/** One ES module per entry, named after it, for the browsers every host supports. */
const esModules = (entry: Record<string, string>) => ({
  lib: { entry, formats: ['es' as const], fileName: (_format: string, name: string) => `${name}.js` },
  sourcemap: true,
  target: 'es2022',
});

const workerBuild = defineConfig({
  build: {
    ...esModules({ waveformWorker: 'src/waveform/waveformWorker.ts' }),
    emptyOutDir: false,
    rolldownOptions: { output: { codeSplitting: false } },
  },
});

const libraryBuild = defineConfig({
  plugins: [literalWorkerUrl()],
  build: {
    ...esModules({ index: 'src/index.ts' }),
    rolldownOptions: {
      // What the lazy chunks share with index.js goes into index.js (which gains internal exports),
      // not into small chunks of its own that every host would load, and gzip, one by one.
      preserveEntrySignatures: 'allow-extension',
    },
  },
});
