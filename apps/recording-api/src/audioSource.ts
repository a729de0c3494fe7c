import { open } from 'node:fs/promises';

/** Bytes of one stored object, read by range so an object of any size costs no memory up front. */
export interface AudioSource {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export async function fileSource(path: string): Promise<AudioSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  await handle.close();
  return {
    size,
    async read(start, end) {
      const file = await open(path, 'r');
      try {
        const buffer = new Uint8Array(Math.max(0, end - start));
        await file.read(buffer, 0, buffer.byteLength, start);
        return buffer;
      } finally {
        await file.close();
      }
    },
  };
}

export function memorySource(bytes: Uint8Array): AudioSource {
  return { size: bytes.byteLength, read: async (start, end) => bytes.subarray(start, end) };
}
