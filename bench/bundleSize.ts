import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

export interface BundleSize {
  /** Minified + gzipped bytes of core + react as one module, peers excluded. */
  mainGzip: number;
  /** The peak worker, fetched separately when the waveform starts. */
  workerGzip: number;
}

const peers = [
  /^react(\/.*)?$/,
  /^react-dom(\/.*)?$/,
  /^@tanstack\/react-query/,
  /^wavesurfer\.js/,
  /^valibot/,
];

/** Bundles both packages' dist like a host app's bundler would (minified, peers external) and gzips it. */
export async function measureBundle(): Promise<BundleSize> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./bundle-entry.mjs', import.meta.url)),
        formats: ['es'],
        fileName: 'bundle',
      },
      rolldownOptions: { external: peers },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  let mainGzip = 0;
  for (const chunk of chunks) {
    if (chunk.type === 'chunk') mainGzip += gzipSync(chunk.code).byteLength;
  }
  const workerDir = fileURLToPath(new URL('../packages/core/dist/assets/', import.meta.url));
  const { readdirSync } = await import('node:fs');
  const worker = readdirSync(workerDir).find((f) => f.startsWith('peakWorker') && f.endsWith('.js'));
  const workerGzip = worker ? gzipSync(readFileSync(workerDir + worker)).byteLength : 0;
  return { mainGzip, workerGzip };
}
