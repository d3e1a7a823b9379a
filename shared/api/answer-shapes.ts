/** Shapes many endpoints answer with (types only, so the mini-program may import them freely). */

/** A write that has nothing to report but that it happened. */
export interface Ok {
  ok: true;
}

/** A list answered as `{ items }`, so fields (a cursor, a total) can be added beside it later. */
export interface ItemList<T> {
  items: T[];
}
