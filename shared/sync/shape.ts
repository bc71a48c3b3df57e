// The synced tables and columns a device store has (its "shape"). A store that gains tables or
// columns by an upgrade never received their values: HQ served them while it could not hold them,
// and its cursor has moved past. Comparing shapes names what to re-pull.

export type StoreShape = Record<string, string[]>;

/** Tables that are new in `now`, or have columns `before` lacked, sorted. */
export function grownTables(before: StoreShape, now: StoreShape): string[] {
  const out: string[] = [];
  for (const [t, cols] of Object.entries(now)) {
    const had = before[t];
    if (!had) out.push(t);
    else {
      const known = new Set(had);
      if (cols.some((c) => !known.has(c))) out.push(t);
    }
  }
  return out.sort();
}

/** A shape stored as JSON, or null when it is missing or not a shape. */
export function parseShape(json: string | null): StoreShape | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    for (const cols of Object.values(v)) if (!Array.isArray(cols) || cols.some((c) => typeof c !== 'string')) return null;
    return v as StoreShape;
  } catch {
    return null;
  }
}
