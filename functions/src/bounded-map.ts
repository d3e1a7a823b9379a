/**
 * Sets `key` in `map` as its newest entry, and drops the oldest once `map` holds more than `max`:
 * a Map keeps insertion order, so re-inserting a key moves it to the end and the first key is
 * the one least recently set. For a container's small memories (rate buckets, periods, reports).
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}
