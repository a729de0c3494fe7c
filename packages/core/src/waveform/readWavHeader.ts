import { OverviewStop, type ByteReader } from '../byteReader';
import { WavFormatError } from '../errors';
import { scanWavHeader, type WavHeader } from '../scanWavHeader';

/** The first read: WAV headers are 44 bytes, or a few KB with metadata chunks before `data`. */
const FIRST_READ_BYTES = 4096;
/** Extra reads allowed to find a `data` chunk that starts far in (a large `LIST` or `bext`). */
const MAX_HEADER_READS = 8;
/** Reads cut short (a dropped connection) that are asked again before the file counts as broken. */
const SHORT_READ_RETRIES = 2;

export interface HeaderRead {
  header: WavHeader;
  /** The file's length, when the storage said. */
  total: number | null;
  /** The bytes read on the way, by offset in the file: the first samples come with them. */
  segments: { start: number; bytes: Uint8Array }[];
}

/**
 * Reads a WAV file's header through a reader, asking for no more than it needs: usually one small
 * read, more when the `data` chunk starts past it. A read cut short by a dropped connection is
 * asked again before the file is given up; bytes that are not a WAV file stop with `format`.
 */
export async function readWavHeader(reader: ByteReader): Promise<HeaderRead> {
  const segments: { start: number; bytes: Uint8Array }[] = [];
  let total: number | undefined;
  const at = (offset: number, length: number) => {
    for (const { start, bytes } of segments) {
      if (offset >= start && offset + length <= start + bytes.byteLength) {
        return new DataView(bytes.buffer, bytes.byteOffset + offset - start, length);
      }
    }
    return null;
  };
  try {
    for (let reads = 0, short = 0; ; reads += 1) {
      const scan = scanWavHeader(at, total);
      if (scan.header) return { header: scan.header, total: total ?? null, segments };
      if (reads >= MAX_HEADER_READS + short)
        throw new WavFormatError('WAV header spreads over too many reads');
      const { offset, length } = scan.need;
      const {
        bytes,
        total: size,
        ended,
      } = await reader.read(offset, offset + Math.max(length, FIRST_READ_BYTES));
      total ??= size ?? undefined;
      if (bytes.byteLength > 0) segments.push({ start: offset, bytes });
      if (bytes.byteLength < length) {
        if (ended || short >= SHORT_READ_RETRIES) throw new WavFormatError('WAV header is cut short');
        short += 1;
      }
    }
  } catch (error) {
    if (error instanceof WavFormatError) throw new OverviewStop('format');
    throw error;
  }
}
