import { readFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright';

/**
 * CPU time and resident memory of one browser's renderer processes, from Linux /proc: the browser
 * names its processes (CDP `SystemInfo.getProcessInfo`), /proc/<pid>/stat gives each one's user +
 * system CPU time (all its threads: the page's main thread, its workers, the media pipeline) and
 * /proc/<pid>/status its resident set (VmRSS, now) and peak (VmHWM).
 */

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessReading {
  type: string;
  /** Chromium's own WebUI renderer (the omnibox popup of the new headless mode), not the page's. */
  webui: boolean;
  cpuTicks: number;
  rssKB: number;
  hwmKB: number;
}

export type Reading = Map<number, ProcessReading>;

function readProcess(pid: number): { cpuTicks: number; rssKB: number; hwmKB: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th
    // field of the line, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKB = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    const hwmKB = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return { cpuTicks, rssKB, hwmKB };
  } catch {
    return null;
  }
}

function isWebUi(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--top-chrome-webui');
  } catch {
    return false;
  }
}

export class ProcessMonitor {
  private cdp: CDPSession | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly webui = new Map<number, boolean>();
  /** Every reading, one a second (and one for each `read()`), for the peaks. */
  private readonly readings: Reading[] = [];
  private sampling: Promise<void> = Promise.resolve();

  constructor(private readonly browser: Browser) {}

  async start(intervalMs = 1000): Promise<void> {
    this.cdp = await this.browser.newBrowserCDPSession();
    await this.read();
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.read().then(() => undefined));
    }, intervalMs);
  }

  /** Reads every process of the browser now. */
  async read(): Promise<Reading> {
    const reading: Reading = new Map();
    if (!this.cdp) return reading;
    let processes: { type: string; id: number }[] = [];
    try {
      const info = (await this.cdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string; id: number }[];
      };
      processes = info.processInfo;
    } catch {
      return reading;
    }
    for (const { type, id } of processes) {
      const values = readProcess(id);
      if (!values) continue;
      let webui = this.webui.get(id);
      if (webui === undefined) {
        webui = type === 'renderer' && isWebUi(id);
        this.webui.set(id, webui);
      }
      reading.set(id, { type, webui, ...values });
    }
    this.readings.push(reading);
    return reading;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** CPU seconds of the processes of `type` between two readings (a process born between counts whole). */
  static cpuSeconds(from: Reading, to: Reading, type = 'renderer'): number {
    let ticks = 0;
    for (const [pid, now] of to) {
      if (now.type !== type) continue;
      ticks += now.cpuTicks - (from.get(pid)?.cpuTicks ?? 0);
    }
    return ticks / TICKS_PER_SECOND;
  }

  /**
   * The page's renderer: the renderer (not Chromium's WebUI) that spent the most CPU between two
   * readings. The others are a spare renderer Chromium keeps warm and its WebUI, idle and alike for
   * every page.
   */
  static pageRenderer(from: Reading, to: Reading): number | null {
    let best: number | null = null;
    let most = -1;
    for (const [pid, now] of to) {
      if (now.type !== 'renderer' || now.webui) continue;
      const spent = now.cpuTicks - (from.get(pid)?.cpuTicks ?? 0);
      if (spent > most) {
        most = spent;
        best = pid;
      }
    }
    return best;
  }

  /**
   * Peak resident set of one process, MB: the largest VmRSS of the readings so far, or its VmHWM
   * (the kernel's own high-water mark, which catches a spike between two readings) if larger.
   */
  peakMB(pid: number): { sampledMB: number; hwmMB: number } {
    let sampled = 0;
    let hwm = 0;
    for (const reading of this.readings) {
      const process = reading.get(pid);
      if (!process) continue;
      sampled = Math.max(sampled, process.rssKB);
      hwm = Math.max(hwm, process.hwmKB);
    }
    return { sampledMB: sampled / 1024, hwmMB: hwm / 1024 };
  }

  get sampleCount(): number {
    return this.readings.length;
  }
}
