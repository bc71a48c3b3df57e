// A copy of a request or answer with the value at a dotted path replaced (the whole thing for ''):
// the property tests of the hand-written shape checks (pushShape, pullShape) mutate with it.
export function mutate(x: object, path: string, v: unknown): unknown {
  if (!path) return v;
  const copy = structuredClone(x) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) {
    const next = at[k];
    if (typeof next !== 'object' || next === null) return copy; // nothing to mutate there: unchanged
    at = next as Record<string, unknown>;
  }
  at[keys.at(-1)!] = v;
  return copy;
}
