// Child processes of the consumer matrix: commands whose output is kept (and printed only when they
// fail), and servers stopped with their whole process group. Nothing started here outlives the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const live = new Set<ChildProcess>();

/** Output kept per command: enough of the end to show why a build failed. */
const MAX_OUTPUT = 200_000;

export interface CommandResult {
  ok: boolean;
  output: string;
  /** Why it failed, in one line: exit code, signal or timeout. */
  reason: string;
}

/** The environment of a fresh host: no pnpm/npm script variables from the workspace that started us. */
export function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|TSX_|NODE_OPTIONS$|INIT_CWD$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

function start(argv: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  const [command, ...args] = argv;
  if (!command) throw new Error('empty command');
  // A binary of the host app when it has one (vite, next, tsc), else from PATH (npm).
  const bin = command.includes('/') ? command : binOf(cwd, command);
  const child = spawn(bin, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

const hostBins = new Set(['vite', 'next', 'tsc']);
function binOf(cwd: string, command: string): string {
  return hostBins.has(command) ? join(cwd, 'node_modules', '.bin', command) : command;
}

function collect(child: ChildProcess): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > MAX_OUTPUT * 2) output = output.slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output.slice(-MAX_OUTPUT);
}

/** Signals the child's whole process group (it leads one: `detached`), then kills it if it lingers. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  // Grandchildren that ignored SIGTERM (a bundler's worker pool) go with the group.
  signal('SIGKILL');
}

export async function runCommand(
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CommandResult> {
  const child = start(argv, options.cwd, options.env);
  const output = collect(child);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stop(child);
  }, options.timeoutMs);
  const [code, failure] = await new Promise<[number | null, string]>((resolve) => {
    child.once('error', (error) => resolve([null, `could not start: ${error.message}`]));
    child.once('close', (c, s) => resolve([c, c === 0 ? '' : `exited with ${c ?? s}`]));
  });
  clearTimeout(timer);
  const command = argv.join(' ');
  const reason = timedOut
    ? `\`${command}\` timed out after ${Math.round(options.timeoutMs / 1000)} s`
    : failure && `\`${command}\` ${failure}`;
  return { ok: !timedOut && code === 0, output: output(), reason };
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** A free TCP port on 127.0.0.1, for a server that cannot be told to pick its own. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server command on `port` and resolves once `http://127.0.0.1:port/` answers. */
export async function startServer(
  argv: string[],
  port: number,
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunningServer> {
  const child = start(argv, options.cwd, options.env);
  const output = collect(child);
  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = { url, output, stop: () => stop(child) };
  const deadline = Date.now() + options.timeoutMs;
  let exit: string | null = null;
  child.once('exit', (code, signal) => (exit = `exited with ${code ?? signal}`));
  child.once('error', (error) => (exit = `could not start: ${error.message}`));
  while (Date.now() < deadline) {
    if (exit) throw new ServerError(`\`${argv.join(' ')}\` ${exit} before it served ${url}`, output());
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status < 500) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new ServerError(
    `\`${argv.join(' ')}\` did not serve ${url} within ${options.timeoutMs / 1000} s`,
    output(),
  );
}

export class ServerError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** Stops every process this run started that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((child) => stop(child)));
}

/** Last resort on exit: no waiting possible, so SIGKILL each remaining process group. */
export function killAllNow(): void {
  for (const child of live) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
