const KEY_FIELDS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

/** Table items without their key attributes: what the rest of the code works with. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const field of KEY_FIELDS) delete copy[field];
  return copy as T;
}
