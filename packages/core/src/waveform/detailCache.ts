/** One second of a chunk's loudness at the detail resolution. */
export interface DetailBlock {
  peak: Float32Array;
  rms: Float32Array;
}

/**
 * Exact loudness of the stretches of a recording the listener has looked at, one block per second
 * per chunk, bounded: beyond `maxBlocks` the block used longest ago is dropped (and read again if it
 * is looked at again). At 100 bins a second a block is 800 bytes, so the default 6 MiB holds two
 * hours.
 */
export class DetailCache {
  private readonly blocks = new Map<string, DetailBlock>();

  constructor(private readonly maxBlocks: number) {}

  static key(chunk: number, block: number): string {
    return `${chunk}:${block}`;
  }

  get(chunk: number, block: number): DetailBlock | undefined {
    const key = DetailCache.key(chunk, block);
    const found = this.blocks.get(key);
    if (found) {
      // Most recently used last: a Map keeps insertion order.
      this.blocks.delete(key);
      this.blocks.set(key, found);
    }
    return found;
  }

  has(chunk: number, block: number): boolean {
    return this.blocks.has(DetailCache.key(chunk, block));
  }

  set(chunk: number, block: number, value: DetailBlock): void {
    const key = DetailCache.key(chunk, block);
    this.blocks.delete(key);
    this.blocks.set(key, value);
    while (this.blocks.size > this.maxBlocks) {
      const oldest = this.blocks.keys().next().value;
      if (oldest === undefined) break;
      this.blocks.delete(oldest);
    }
  }

  get size(): number {
    return this.blocks.size;
  }
}
