import { clock } from './clock';
import type { RecordingError } from './errors';
import { DownloadUrlExpiredError, RecordingNetworkError } from './errors';
import { fetchToSink, type ByteSink } from './fetchToSink';

/** One file to save: a download URL (`download=true`) and the name it is saved under. */
export interface SaveFile {
  url: string;
  /** Epoch ms (device clock) after which `url` stops working. */
  expiresAt: number;
  fileName: string;
}

/**
 * How the browser got the file. `disk`: streamed straight to a file the listener picked (File System
 * Access API: Chrome, Edge, Opera on desktop), never held in memory whatever its size. `memory`:
 * read into memory, then saved from a `blob:` URL of the page's own (Firefox, Safari, and Chromium
 * when the listener's click is too long ago for a file picker): the file must fit in memory.
 * `browser`: the storage cannot be read by the page (no CORS), so the browser fetches the URL in a
 * hidden, sandboxed frame and saves it if the storage marks it as an attachment; the page cannot tell
 * whether that worked.
 */
export type SaveMethod = 'disk' | 'memory' | 'browser';

export interface SaveProgress {
  loaded: number;
  total: number | null;
  /** Which file (0-based) of `files`. */
  file: number;
  files: number;
}

export interface SaveOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: SaveProgress) => void) | undefined;
  /**
   * A fresh URL for file `index` after the storage said the old one expired; the save continues from
   * the byte it had reached. Without it, expiry ends the save with `DownloadUrlExpiredError`.
   */
  refreshUrl?: ((index: number) => Promise<{ url: string; expiresAt: number }>) | undefined;
  /** `auto` (default): to disk where the browser can, else through memory. */
  method?: 'auto' | 'memory' | undefined;
  fetch?: typeof fetch | undefined;
}

export interface SaveResult {
  method: SaveMethod;
  fileNames: string[];
}

interface PickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileSystemFileHandle>;
  showDirectoryPicker?: (options: { mode: 'readwrite' }) => Promise<FileSystemDirectoryHandle>;
}

/** How long a `blob:` URL handed to the browser's download stays valid. */
const BLOB_URL_LIFETIME_MS = 60_000;
/** How long the hidden frame of a `browser` save stays in the page. */
const FRAME_LIFETIME_MS = 120_000;

/**
 * Saves recording files without ever navigating the host page: the URL is fetched by the page and
 * written to disk or saved from the page's own `blob:` URL, so whatever the storage answers (an
 * error page, a file without `Content-Disposition: attachment`), the listener's page stays where it
 * is and the signed URL never reaches the address bar, the history or a `Referer`. Resolves `null`
 * when the listener cancelled the file picker.
 */
export async function saveRecordingFiles(
  files: readonly SaveFile[],
  options: SaveOptions = {},
): Promise<SaveResult | null> {
  if (files.length === 0) return { method: 'memory', fileNames: [] };
  const fileNames = files.map((file) => file.fileName);
  const pickers = (options.method ?? 'auto') === 'auto' ? pickerWindow() : null;
  let targets: FileSystemFileHandle[] | null = null;
  if (pickers) {
    try {
      targets = await pickTargets(pickers, files);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      // No user activation left (a slow API before the click's picker), or pickers refused: memory.
      targets = null;
    }
  }
  try {
    if (targets) {
      for (const [index, file] of files.entries()) {
        const target = targets[index];
        if (!target) continue;
        await toDisk(target, file, index, files.length, options);
      }
      return { method: 'disk', fileNames };
    }
    for (const [index, file] of files.entries()) {
      const blob = await toMemory(file, index, files.length, options);
      saveBlob(blob, file.fileName);
    }
    return { method: 'memory', fileNames };
  } catch (error) {
    // The storage cannot be read from the page at all (no CORS): let the browser fetch it, in a
    // sandboxed frame, never in the page itself.
    if (isUnreachable(error) && !options.signal?.aborted) {
      for (const file of files) saveThroughFrame(file.url);
      return { method: 'browser', fileNames };
    }
    throw error;
  }
}

function pickerWindow(): PickerWindow | null {
  if (typeof window === 'undefined') return null;
  const candidate = window as unknown as PickerWindow;
  return typeof candidate.showSaveFilePicker === 'function' ? candidate : null;
}

async function pickTargets(
  pickers: PickerWindow,
  files: readonly SaveFile[],
): Promise<FileSystemFileHandle[]> {
  const [only] = files;
  if (files.length === 1 && only && pickers.showSaveFilePicker) {
    return [
      await pickers.showSaveFilePicker({
        suggestedName: only.fileName,
        types: [{ description: 'WAV audio', accept: { 'audio/wav': ['.wav'] } }],
      }),
    ];
  }
  // Several chunks: one folder, picked once (a picker per file would need a click per file).
  if (!pickers.showDirectoryPicker) throw new DOMException('No folder picker', 'NotSupportedError');
  const folder = await pickers.showDirectoryPicker({ mode: 'readwrite' });
  return Promise.all(files.map((file) => folder.getFileHandle(file.fileName, { create: true })));
}

/**
 * Streams one file into `sink`, taking a fresh URL when the storage says the current one expired and
 * going on from the bytes the sink already holds. Resolves the file's content type.
 */
async function fetchWithFreshUrls(
  file: SaveFile,
  index: number,
  files: number,
  options: SaveOptions,
  sink: ByteSink,
  loadedSoFar: () => number,
): Promise<string> {
  let { url, expiresAt } = file;
  for (let refreshes = 0; ; refreshes += 1) {
    try {
      const { type } = await fetchToSink(url, sink, {
        signal: options.signal,
        fetch: options.fetch,
        expiresAt,
        from: loadedSoFar(),
        onProgress: ({ loaded, total }) => options.onProgress?.({ loaded, total, file: index, files }),
      });
      return type;
    } catch (error) {
      if (!(error instanceof DownloadUrlExpiredError) || !options.refreshUrl || refreshes >= 2) throw error;
      ({ url, expiresAt } = await options.refreshUrl(index));
    }
  }
}

async function toDisk(
  target: FileSystemFileHandle,
  file: SaveFile,
  index: number,
  files: number,
  options: SaveOptions,
): Promise<void> {
  const writable = await target.createWritable();
  let written = 0;
  const sink: ByteSink = {
    write: async (bytes) => {
      await writable.write(bytes as Uint8Array<ArrayBuffer>);
      written += bytes.byteLength;
    },
    reset: async () => {
      await writable.truncate(0);
      await writable.seek(0);
      written = 0;
    },
  };
  try {
    await fetchWithFreshUrls(file, index, files, options, sink, () => written);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => {});
    throw error;
  }
}

async function toMemory(file: SaveFile, index: number, files: number, options: SaveOptions): Promise<Blob> {
  const parts: Uint8Array[] = [];
  let written = 0;
  const sink: ByteSink = {
    write: (bytes) => {
      parts.push(bytes);
      written += bytes.byteLength;
    },
    reset: () => {
      parts.length = 0;
      written = 0;
    },
  };
  const type = await fetchWithFreshUrls(file, index, files, options, sink, () => written);
  return new Blob(parts as BlobPart[], { type: type.startsWith('audio/') ? type : 'audio/wav' });
}

/** Saves bytes the page holds, from a `blob:` URL of its own: a download, never a navigation. */
function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob once the download starts; it is released a minute later.
  clock.setTimeout(() => URL.revokeObjectURL(href), BLOB_URL_LIFETIME_MS);
}

/**
 * Hands a URL the page may not read to the browser's own download, in a hidden frame that runs no
 * script and sends no `Referer`: an attachment is saved; anything else is shown in the invisible
 * frame, and the host page stays where it is.
 */
function saveThroughFrame(url: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-downloads');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.display = 'none';
  frame.src = url;
  document.body.append(frame);
  clock.setTimeout(() => frame.remove(), FRAME_LIFETIME_MS);
}

function isUnreachable(error: unknown): boolean {
  return (
    error instanceof RecordingNetworkError &&
    (error as RecordingError & { reachable?: boolean }).reachable === false
  );
}
