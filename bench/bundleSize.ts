import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

export interface BundleSize {
  /** Minified + gzipped bytes of the chunks a host that plays recordings loads up front. */
  upFront: number;
  upFrontMinified: number;
  /** The same build's chunks loaded later (dynamic imports), gzipped. */
  lazy: number;
  /** The waveform worker as the host's build emits it (its own bundle, engine included), gzipped. */
  worker: number;
  workerMinified: number;
  /** Everything both packages export, up front (for information). */
  everything: number;
  everythingMinified: number;
  /** Source modules of the up-front chunks: rendered size before minification, largest first. */
  modules: { name: string; rendered: number }[];
  notes: string[];
}

/** Peers, which the host brings anyway; everything else the packages import is counted. */
const peers = [/^react(\/.*)?$/, /^react-dom(\/.*)?$/, /^@tanstack\/react-query/, /^wavesurfer\.js/];

interface Built {
  upFront: Rolldown.OutputChunk[];
  lazy: Rolldown.OutputChunk[];
  assets: Rolldown.OutputAsset[];
}

/** Bundles an entry like a host app's Vite build would: minified, code-split, peers external. */
async function bundle(entry: string): Promise<Built> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      modulePreload: false,
      rolldownOptions: {
        input: fileURLToPath(new URL(entry, import.meta.url)),
        // Keep the entry's exports: they are what the host uses.
        preserveEntrySignatures: 'strict',
        external: peers,
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const items = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const chunks = items.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const upFront = new Set<Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk | undefined) => {
    if (!chunk || upFront.has(chunk)) return;
    upFront.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  chunks.filter((chunk) => chunk.isEntry).forEach(visit);
  return {
    upFront: [...upFront],
    lazy: chunks.filter((chunk) => !upFront.has(chunk)),
    assets: items.filter((item): item is Rolldown.OutputAsset => item.type === 'asset'),
  };
}

const gzip = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).byteLength;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const packagesDir = fileURLToPath(new URL('../packages', import.meta.url));

/** The newest modification time (ms) of the files under `dir` that `keep` accepts. */
function newest(dir: string, keep: (name: string) => boolean): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, keep));
    else if (keep(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Refuses a dist/ older than the sources it is built from: the rest of the bench plays the sources
 * (through the workspace aliases), so a stale build would put another version's size beside them.
 */
function assertFreshBuild(): void {
  for (const name of ['core', 'react']) {
    const shipped = (file: string) => /\.(ts|tsx|css)$/.test(file) && !/\.(test|stories)\.tsx?$/.test(file);
    const source = newest(join(packagesDir, name, 'src'), shipped);
    const dist = join(packagesDir, name, 'dist');
    const built = existsSync(dist) ? newest(dist, (file) => file.endsWith('.js')) : 0;
    if (built < source) {
      throw new Error(`packages/${name}/dist is older than its sources: run \`pnpm build\` before the bench`);
    }
  }
}

/** Measures both packages' built dist/ (run `pnpm build` first: an older dist/ is refused). */
export async function measureBundle(): Promise<BundleSize> {
  assertFreshBuild();
  const host = await bundle('./bundle-host.mjs');
  const everything = await bundle('./bundle-entry.mjs');
  const worker = host.assets.find((asset) => /waveformWorker[^/]*\.js$/.test(asset.fileName));
  const notes: string[] = [];
  if (!worker)
    notes.push('The host build emitted no waveform worker (core’s `new Worker(new URL(…))` was not found).');
  const modules = host.upFront
    .flatMap((chunk) => Object.entries(chunk.modules))
    .map(([id, module]) => ({
      name: id
        .replace(/^\0/, '')
        .replace(/.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
        .replace(/.*\/packages\//, ''),
      rendered: module.renderedLength,
    }))
    .filter((module) => module.rendered > 0)
    .sort((a, b) => b.rendered - a.rendered);
  if (modules.some((module) => /waveformEngine/.test(module.name))) {
    notes.push(
      'Core’s waveform engine (`dist/waveformEngine-*.js`, which the worker also imports) is in the up-front chunk: core’s `index.js` imports that shared chunk statically, so the main-thread fallback’s `import()` of the engine loads nothing lazily.',
    );
  }
  const codeOf = (chunks: Rolldown.OutputChunk[]) => chunks.map((chunk) => chunk.code);
  const workerCode = worker ? (typeof worker.source === 'string' ? worker.source : worker.source) : '';
  return {
    upFront: sum(codeOf(host.upFront).map(gzip)),
    upFrontMinified: sum(codeOf(host.upFront).map((code) => Buffer.byteLength(code))),
    lazy: sum(codeOf(host.lazy).map(gzip)),
    worker: worker ? gzip(workerCode) : 0,
    workerMinified: worker ? Buffer.byteLength(workerCode) : 0,
    everything: sum(codeOf(everything.upFront).map(gzip)),
    everythingMinified: sum(codeOf(everything.upFront).map((code) => Buffer.byteLength(code))),
    modules,
    notes,
  };
}
