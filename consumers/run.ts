// The consumer matrix: proves the packed libraries work where users install them. Packs both packages
// with `pnpm pack`, installs the tarballs with npm into fresh host apps in a temporary directory
// outside the workspace, type-checks and builds each host, serves it on 127.0.0.1 and drives it in
// headless Chromium against the reference recording server, started in this process.
//
//   bash consumers/run.sh [--only vite7-react18,next16] [--keep] [--packages <dir>]
//
// Assumes `pnpm build` has produced packages/*/dist. Prints one line per app and step and exits 1 if
// any failed, with the output of each failed command after the summary.
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright';
import { startRecordingApi, type RecordingApi } from '../apps/recording-api/src/index.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { drive, driveSteps } from './lib/drive.ts';
import {
  freePort,
  hostEnv,
  killAllNow,
  runCommand,
  ServerError,
  startServer,
  stopAll,
  type CommandResult,
} from './lib/processes.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '..');

interface Mode {
  /** e.g. `preview`, `dev`, `turbopack`. */
  name: string;
  /** Built first, when the mode serves a build. */
  build?: string[];
  serve: (port: number) => string[];
}

interface Fixture {
  name: string;
  /** Where the shared ConsumerPage.tsx goes, relative to the app. */
  pageDir: string;
  /** Each its own step: a label and the commands it runs in turn. */
  typechecks: { label: string; commands: string[][] }[];
  modes: Mode[];
  /** The modes share no build output, so they can run at the same time. */
  parallelModes: boolean;
}

const viteModes: Mode[] = [
  {
    name: 'preview',
    build: ['vite', 'build'],
    serve: (port) => ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  },
  {
    name: 'dev',
    serve: (port) => ['vite', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  },
];

const nextStart = (port: number) => ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)];

const fixtures: Fixture[] = [
  {
    name: 'vite7-react18',
    pageDir: 'src',
    typechecks: [{ label: 'typecheck (tsc -b)', commands: [['tsc', '-b']] }],
    modes: viteModes,
    parallelModes: true,
  },
  {
    name: 'vite8-react19',
    pageDir: 'src',
    typechecks: [
      { label: 'typecheck (tsc -b)', commands: [['tsc', '-b']] },
      {
        // TypeScript's defaults since 6.0 (noUncheckedSideEffectImports), no `vite/client` types.
        label: 'typecheck without bundler types (tsc -p tsconfig.plain.json)',
        commands: [['tsc', '-p', 'tsconfig.plain.json']],
      },
    ],
    modes: viteModes,
    parallelModes: true,
  },
  {
    name: 'next16',
    pageDir: 'app',
    // `next typegen` writes next-env.d.ts and the route types (PageProps, LayoutProps), as
    // create-next-app does after installing.
    typechecks: [
      {
        label: 'typecheck (next typegen && tsc --noEmit)',
        commands: [
          ['next', 'typegen'],
          ['tsc', '--noEmit'],
        ],
      },
    ],
    modes: [
      { name: 'turbopack', build: ['next', 'build'], serve: nextStart },
      { name: 'webpack', build: ['next', 'build', '--webpack'], serve: nextStart },
    ],
    // Both builds write .next/.
    parallelModes: false,
  },
];

const minutes = (n: number) => n * 60_000;

/** The matrix's own lines, to stdout: a command-line report by design. */
function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

interface Result {
  app: string;
  step: string;
  ok: boolean;
  detail: string;
  /** Output of the failed command, printed after the summary. */
  output?: string;
  ms: number;
}

const results: Result[] = [];

function report(result: Result): void {
  results.push(result);
  const time = result.ms >= 100 ? ` (${(result.ms / 1000).toFixed(1)} s)` : '';
  const detail = result.detail ? ` — ${result.detail}` : '';
  print(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.app}  ${result.step}${time}${detail}`);
}

/** At most `n` at once: builds and type-checks share the machine's cores. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

async function newest(dir: string, pick: (name: string) => boolean): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && pick(entry.name)) {
      latest = Math.max(latest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return latest;
}

/** Fails unless both packages are built; warns when a source file is newer than the build. */
async function checkBuilt(packagesDir: string): Promise<void> {
  const required = [
    'core/dist/index.js',
    'core/dist/index.d.ts',
    'react/dist/index.js',
    'react/dist/styles.css',
  ];
  const missing: string[] = [];
  for (const file of required) {
    await stat(join(packagesDir, file)).catch(() => missing.push(file));
  }
  if (missing.length) {
    throw new Error(
      `the packages are not built (${missing.map((f) => join(relative(repoRoot, packagesDir), f)).join(', ')} missing): run \`pnpm build\` first`,
    );
  }
  for (const name of ['core', 'react']) {
    const source = await newest(join(packagesDir, name, 'src'), (f) => !/\.(test|stories)\./.test(f));
    const built = await newest(join(packagesDir, name, 'dist'), (f) => f === 'index.js');
    if (source > built) print(`note: packages/${name}/src is newer than its dist; run \`pnpm build\``);
  }
}

async function pack(packagesDir: string, destination: string): Promise<Record<'core' | 'react', string>> {
  const tarballs = { core: '', react: '' };
  for (const name of ['core', 'react'] as const) {
    const packed = await runCommand(['pnpm', 'pack', '--json', '--pack-destination', destination], {
      cwd: join(packagesDir, name),
      env: process.env,
      timeoutMs: minutes(1),
    });
    const json = packed.output.slice(packed.output.indexOf('{'));
    const filename = packed.ok ? (JSON.parse(json) as { filename?: string }).filename : undefined;
    if (!filename)
      throw new Error(`pnpm pack of packages/${name} failed: ${packed.reason}\n${packed.output}`);
    tarballs[name] = filename;
  }
  return tarballs;
}

async function prepare(fixture: Fixture, workDir: string, tarballs: Record<'core' | 'react', string>) {
  const appDir = join(workDir, fixture.name);
  await cp(join(here, 'fixtures', fixture.name), appDir, { recursive: true });
  await cp(join(here, 'shared', 'ConsumerPage.tsx'), join(appDir, fixture.pageDir, 'ConsumerPage.tsx'));
  const manifestPath = join(appDir, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    dependencies: Record<string, string>;
  };
  manifest.dependencies['@ambient-audio/core'] = `file:${tarballs.core}`;
  manifest.dependencies['@ambient-audio/react'] = `file:${tarballs.react}`;
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return appDir;
}

function commandResult(app: string, step: string, started: number, result: CommandResult): boolean {
  report({
    app,
    step,
    ok: result.ok,
    detail: result.ok ? '' : result.reason,
    ...(result.ok ? {} : { output: result.output }),
    ms: Date.now() - started,
  });
  return result.ok;
}

interface Context {
  workDir: string;
  tarballs: Record<'core' | 'react', string>;
  env: NodeJS.ProcessEnv;
  npmCache: string | undefined;
  cpu: ReturnType<typeof limiter>;
  browser: () => Promise<Browser>;
  api: RecordingApi;
}

async function runFixture(fixture: Fixture, ctx: Context): Promise<void> {
  const app = fixture.name;
  const appDir = await prepare(fixture, ctx.workDir, ctx.tarballs);
  const options = (timeoutMs: number) => ({ cwd: appDir, env: ctx.env, timeoutMs });

  let started = Date.now();
  const install = [
    'npm',
    'install',
    '--no-audit',
    '--no-fund',
    ...(ctx.npmCache ? ['--cache', ctx.npmCache] : []),
  ];
  let installed = await runCommand(install, options(minutes(8)));
  if (!installed.ok) {
    // Once more, from scratch and revalidating every packument: a registry replica that lags behind
    // another (ETARGET for a version a fresh dependency just asked for) is not the libraries' fault.
    const first = installed;
    await rm(join(appDir, 'node_modules'), { recursive: true, force: true });
    await rm(join(appDir, 'package-lock.json'), { force: true });
    installed = await runCommand([...install, '--prefer-online'], options(minutes(8)));
    const firstError = first.output.split('\n').find((line) => line.includes('error')) ?? first.reason;
    print(
      `note: ${app}: npm install failed once (${firstError.trim()}); retried: ${installed.ok ? 'ok' : 'failed'}`,
    );
    if (!installed.ok)
      installed = { ...installed, output: `${first.output}\n--- retry\n${installed.output}` };
  }
  if (!commandResult(app, 'npm install', started, installed)) {
    report({ app, step: 'all other steps', ok: false, detail: 'not run: npm install failed', ms: 0 });
    return;
  }

  // A failed type-check is reported and the build still runs: each is a gate of its own.
  for (const typecheck of fixture.typechecks) {
    await ctx.cpu(async () => {
      started = Date.now();
      let result: CommandResult = { ok: true, output: '', reason: '' };
      const outputs: string[] = [];
      for (const argv of typecheck.commands) {
        result = await runCommand(argv, options(minutes(3)));
        outputs.push(`$ ${argv.join(' ')}\n${result.output}`);
        if (!result.ok) break;
      }
      commandResult(app, typecheck.label, started, { ...result, output: outputs.join('\n') });
    });
  }

  const runMode = async (mode: Mode) => {
    const label = `${app}/${mode.name}`;
    if (mode.build) {
      const built = await ctx.cpu(async () => {
        const buildStarted = Date.now();
        return commandResult(
          label,
          `build (${mode.build?.join(' ')})`,
          buildStarted,
          await runCommand(mode.build ?? [], options(minutes(6))),
        );
      });
      if (!built) {
        report({ app: label, step: 'browser steps', ok: false, detail: 'not run: the build failed', ms: 0 });
        return;
      }
    }
    await serveAndDrive(label, mode, appDir, ctx);
  };
  if (fixture.parallelModes) await Promise.all(fixture.modes.map(runMode));
  else for (const mode of fixture.modes) await runMode(mode);
}

async function serveAndDrive(label: string, mode: Mode, appDir: string, ctx: Context): Promise<void> {
  const started = Date.now();
  const port = await freePort();
  const argv = mode.serve(port);
  let server;
  try {
    server = await startServer(argv, port, { cwd: appDir, env: ctx.env, timeoutMs: 60_000 });
  } catch (error) {
    const output = error instanceof ServerError ? error.output : '';
    report({
      app: label,
      step: `serve (${argv.join(' ')})`,
      ok: false,
      detail: String(error),
      output,
      ms: 0,
    });
    return;
  }
  report({
    app: label,
    step: `serve (${argv.slice(0, 2).join(' ')})`,
    ok: true,
    detail: '',
    ms: Date.now() - started,
  });
  try {
    const browser = await ctx.browser();
    const outcomes = await drive(browser, server.url, ctx.api.url);
    let withOutput = false;
    for (const outcome of outcomes) {
      // The server's output goes with the first failed step of this app only.
      const output = !outcome.ok && !withOutput ? `$ ${argv.join(' ')}\n${server.output()}` : undefined;
      if (output) withOutput = true;
      report({
        app: label,
        step: outcome.step,
        ok: outcome.ok,
        detail: outcome.detail,
        ...(output ? { output } : {}),
        ms: 0,
      });
    }
  } catch (error) {
    report({ app: label, step: 'browser', ok: false, detail: String(error), output: server.output(), ms: 0 });
  } finally {
    await server.stop();
  }
}

function tail(text: string, lines: number): string {
  const all = text.trimEnd().split('\n');
  return (all.length > lines ? [`… (${all.length - lines} earlier lines)`, ...all.slice(-lines)] : all).join(
    '\n',
  );
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      packages: { type: 'string' },
    },
  });
  const packagesDir = resolve(values.packages ?? join(repoRoot, 'packages'));
  const only = values.only?.split(',').map((name) => name.trim());
  const selected = only ? fixtures.filter((f) => only.includes(f.name)) : fixtures;
  if (only && selected.length !== only.length) {
    throw new Error(`--only: unknown fixture; the fixtures are ${fixtures.map((f) => f.name).join(', ')}`);
  }
  await checkBuilt(packagesDir);

  const workDir = await mkdtemp(join(tmpdir(), 'ambient-audio-consumers-'));
  if (!values.keep) interruptedCleanup = () => rm(workDir, { recursive: true, force: true });
  if ((workDir + sep).startsWith(repoRoot + sep)) throw new Error(`${workDir} is inside the workspace`);
  const runStarted = Date.now();
  let browser: Promise<Browser> | null = null;
  let api: RecordingApi | null = null;
  try {
    const packedDir = join(workDir, 'packed');
    await mkdir(packedDir);
    const tarballs = await pack(packagesDir, packedDir);
    api = await startRecordingApi({ host: '127.0.0.1', port: 0, processingSeconds: 0 });
    const ctx: Context = {
      workDir,
      tarballs,
      env: hostEnv(),
      npmCache: process.env['CONSUMERS_NPM_CACHE'],
      cpu: limiter(Math.max(1, Math.min(2, availableParallelism()))),
      browser: () => (browser ??= chromium.launch({ ...chromiumLaunchOptions, headless: true })),
      api,
    };
    print(
      `consumer matrix: ${selected.map((f) => f.name).join(', ')} in ${workDir} (steps per served app: ${driveSteps.join('; ')})`,
    );
    await Promise.all(
      selected.map((fixture) =>
        runFixture(fixture, ctx).catch((error: unknown) =>
          report({ app: fixture.name, step: 'runner', ok: false, detail: String(error), ms: 0 }),
        ),
      ),
    );
  } finally {
    await stopAll();
    if (browser) await (await (browser as Promise<Browser>).catch(() => null))?.close();
    await api?.stop();
    if (values.keep) print(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }

  const failed = results.filter((r) => !r.ok);
  for (const failure of failed.filter((f) => f.output)) {
    print(`\n--- output of ${failure.app} ${failure.step}\n${tail(failure.output ?? '', 80)}`);
  }
  print(`\nconsumer matrix summary (${((Date.now() - runStarted) / 1000).toFixed(0)} s):`);
  // Grouped by app and mode, in the order the fixtures list them (they finish interleaved).
  const order = (r: Result) => {
    const [name, mode] = r.app.split('/');
    const index = fixtures.findIndex((f) => f.name === name);
    return index * 100 + (mode ? 1 + (fixtures[index]?.modes.findIndex((m) => m.name === mode) ?? 0) : 0);
  };
  const sorted = results.map((r, i) => ({ r, i })).sort((a, b) => order(a.r) - order(b.r) || a.i - b.i);
  for (const { r } of sorted) print(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.app}  ${r.step}`);
  print(
    failed.length ? `${failed.length} of ${results.length} steps FAILED` : `all ${results.length} steps ok`,
  );
  return failed.length ? 1 : 0;
}

/** Removes the temporary directory when a signal cuts the run short. */
let interruptedCleanup: (() => Promise<void>) | null = null;

process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    print(`\n${signal}: stopping the servers and browsers this run started`);
    void stopAll()
      .then(() => interruptedCleanup?.())
      .finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`consumer matrix: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
