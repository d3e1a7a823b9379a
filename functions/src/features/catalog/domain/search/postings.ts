/**
 * Posting lists as ascending ordinals stored as varint gaps: a dense list (a gram most schools
 * have) costs a byte per school instead of four, which is most of the index's memory and of its
 * snapshot's size. Lists are only ever read forwards, from a position.
 */
export class VarintWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  get offset(): number {
    return this.length;
  }

  /** Appends an ascending list; its first value is stored whole, the rest as gaps. */
  writeList(values: number[]): void {
    let previous = 0;
    for (const value of values) {
      this.writeVarint(value - previous);
      previous = value;
    }
  }

  private writeVarint(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (value >= 0x80) {
      this.bytes[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.bytes[this.length++] = value;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads one ascending list from bytes[begin, end); `value` is -1 once it is exhausted. */
export interface Cursor {
  value: number;
  advance(): void;
}

export class VarintCursor implements Cursor {
  value = -1;
  private previous = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
    private readonly end: number,
  ) {
    this.advance();
  }

  advance(): void {
    if (this.at >= this.end) {
      this.value = -1;
      return;
    }
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.bytes[this.at++];
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    this.previous += gap;
    this.value = this.previous;
  }
}

export class ArrayCursor implements Cursor {
  value = -1;
  private at: number;

  constructor(
    private readonly values: Int32Array,
    from: number,
  ) {
    let low = 0;
    let high = values.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[mid] < from) low = mid + 1;
      else high = mid;
    }
    this.at = low;
    this.value = low < values.length ? values[low] : -1;
  }

  advance(): void {
    this.at++;
    this.value = this.at < this.values.length ? this.values[this.at] : -1;
  }
}
