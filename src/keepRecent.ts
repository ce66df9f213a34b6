/**
 * Keeps `value` under `key` as the newest entry of `map` (a Map iterates in insertion order) and
 * drops the oldest entries beyond `limit`: the bounded memory of the last few things computed
 * (the engine's pictures, the decoded image files).
 */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > limit) map.delete(map.keys().next().value as K);
}
