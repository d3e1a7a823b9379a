import { VarintWriter } from './postings';

/**
 * Postings of one kind of text (names, or pinyin and initials), keyed by character unigrams
 * and bigrams (UTF-16 code units, the same on both sides). Each gram's postings hold three runs:
 * the schools with a form that is the gram itself, then the other schools with a form that
 * starts with it, then the other schools containing it; each run in ascending rank order. So a
 * one- or two-unit query finds its exact matches in the first run and its prefix matches in the
 * second, and every run can be read from a position and abandoned as soon as a page is full.
 */
export interface GramColumns {
  /** Gram keys (gramKey), ascending. */
  keys: Float64Array;
  /** Per gram: the byte where each of its three runs starts, and where the last one ends. */
  bounds: Int32Array;
  /** Every gram's postings, one after another, as varint gaps (postings.ts). */
  postings: Uint8Array;
}

const UNIGRAMS = 0x10000;

/** A one-unit gram is its code; a two-unit gram is above every one-unit gram. */
export function gramKey(text: string, at: number, length: 1 | 2): number {
  return length === 1 ? text.charCodeAt(at) : UNIGRAMS + text.charCodeAt(at) * UNIGRAMS + text.charCodeAt(at + 1);
}

/** The grams a query is looked up by: itself if one unit long, else its bigrams. */
export function queryGrams(query: string): number[] {
  if (query.length === 1) return [gramKey(query, 0, 1)];
  const grams: number[] = [];
  for (let i = 0; i + 1 < query.length; i++) grams.push(gramKey(query, i, 2));
  return grams;
}

interface Building {
  whole: number[];
  starts: number[];
  rest: number[];
  last: number;
}

/** Collects postings school by school, in rank order. */
export class GramTableBuilder {
  private readonly grams = new Map<number, Building>();

  private mark(ordinal: number, key: number, into: 'whole' | 'starts' | 'rest'): void {
    let entry = this.grams.get(key);
    if (!entry) {
      entry = { whole: [], starts: [], rest: [], last: -1 };
      this.grams.set(key, entry);
    }
    if (entry.last === ordinal) return;
    entry.last = ordinal;
    entry[into].push(ordinal);
  }

  add(ordinal: number, forms: string[]): void {
    const mark = (key: number, into: 'whole' | 'starts' | 'rest') => this.mark(ordinal, key, into);
    for (const form of forms) if (form.length <= 2) mark(gramKey(form, 0, form.length as 1 | 2), 'whole');
    for (const form of forms) {
      mark(gramKey(form, 0, 1), 'starts');
      if (form.length > 1) mark(gramKey(form, 0, 2), 'starts');
    }
    for (const form of forms) {
      for (let i = 0; i < form.length; i++) {
        mark(gramKey(form, i, 1), 'rest');
        if (i + 1 < form.length) mark(gramKey(form, i, 2), 'rest');
      }
    }
  }

  /**
   * For the exact tier of longer queries: the schools with a form of three units or more that
   * ends with the gram (all in the first run). A form equal to the query starts with its first
   * gram and ends with its last, which few forms containing the query do.
   */
  addEnds(ordinal: number, forms: string[]): void {
    for (const form of forms) if (form.length >= 3) this.mark(ordinal, gramKey(form, form.length - 2, 2), 'whole');
  }

  build(): GramColumns {
    const keys = Float64Array.from(this.grams.keys()).sort();
    const bounds = new Int32Array(keys.length * 4);
    const writer = new VarintWriter();
    keys.forEach((key, i) => {
      const entry = this.grams.get(key)!;
      (['whole', 'starts', 'rest'] as const).forEach((run, r) => {
        bounds[i * 4 + r] = writer.offset;
        writer.writeList(entry[run]);
      });
      bounds[i * 4 + 3] = writer.offset;
    });
    return { keys, bounds, postings: writer.finish() };
  }
}

/** A gram's postings: [whole, starts) are it, [starts, rest) start with it, [rest, end) contain it elsewhere. */
export interface Run {
  whole: number;
  starts: number;
  rest: number;
  end: number;
}

export class GramTable {
  private readonly slots = new Map<number, number>();

  constructor(readonly columns: GramColumns) {
    columns.keys.forEach((key, i) => this.slots.set(key, i));
  }

  get postings(): Uint8Array {
    return this.columns.postings;
  }

  run(key: number): Run | null {
    const slot = this.slots.get(key);
    if (slot === undefined) return null;
    const b = this.columns.bounds;
    return { whole: b[slot * 4], starts: b[slot * 4 + 1], rest: b[slot * 4 + 2], end: b[slot * 4 + 3] };
  }
}
