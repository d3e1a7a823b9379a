/**
 * One string per school (its id, its joined name forms, its pinyin), read by ordinal. Built from
 * strings; loaded from a snapshot as the bytes of all of them, one after another, so a container
 * turns a school's bytes into a string only when a search first looks at it (most are never
 * looked at), instead of decoding and splitting tens of megabytes at every load.
 */
export interface TextColumn {
  readonly size: number;
  at(ordinal: number): string;
  /** What a snapshot stores. */
  toBytes(): TextBytes;
}

/**
 * Latin-1 when every code unit fits a byte (ids, pinyin), UTF-16 otherwise (Han names): both
 * decode as a plain copy into a string, where UTF-8 must be transcoded (10× slower measured on
 * 200,000 names), and UTF-16 is also shorter than UTF-8 for Han text (2 bytes a character, not 3).
 */
export type TextEncoding = 'latin1' | 'utf16le';

export interface TextBytes {
  encoding: TextEncoding;
  bytes: Uint8Array;
  /** Per school, its length in bytes (lengths compress far better than offsets). */
  lengths: Uint32Array;
}

export class ArrayTextColumn implements TextColumn {
  constructor(private readonly texts: string[]) {}

  get size(): number {
    return this.texts.length;
  }

  at(ordinal: number): string {
    return this.texts[ordinal];
  }

  toBytes(): TextBytes {
    const joined = this.texts.join('');
    const wide = /[\u0100-\uffff]/.test(joined);
    const encoding: TextEncoding = wide ? 'utf16le' : 'latin1';
    const unit = wide ? 2 : 1;
    return {
      encoding,
      bytes: Buffer.from(joined, encoding),
      lengths: Uint32Array.from(this.texts, (text) => text.length * unit),
    };
  }
}

/** Decodes each school's text at most once, when it is first asked for. */
export class BytesTextColumn implements TextColumn {
  private readonly offsets: Uint32Array;
  private readonly decoded: Array<string | undefined>;
  private readonly buffer: Buffer;

  constructor(private readonly stored: TextBytes) {
    const { bytes, lengths } = stored;
    const offsets = new Uint32Array(lengths.length + 1);
    let end = 0;
    for (let i = 0; i < lengths.length; i++) offsets[i + 1] = end += lengths[i];
    if (end !== bytes.byteLength) throw new Error('text column: lengths do not add up to its bytes');
    this.offsets = offsets;
    // A view, not a copy: Buffer's toString decodes a range without a subarray per school.
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Filled, so the array is packed (no hole checks); Array.from with a callback is 8× slower.
    this.decoded = new Array<string | undefined>(lengths.length).fill(undefined);
  }

  get size(): number {
    return this.stored.lengths.length;
  }

  at(ordinal: number): string {
    let text = this.decoded[ordinal];
    if (text === undefined) {
      text = this.buffer.toString(this.stored.encoding, this.offsets[ordinal], this.offsets[ordinal + 1]);
      this.decoded[ordinal] = text;
    }
    return text;
  }

  toBytes(): TextBytes {
    return this.stored;
  }
}
