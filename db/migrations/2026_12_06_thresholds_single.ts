// Frozen once landed. The coverage, contact and conversion bands have one home, the warning board's
// `assessment.thresholds` (the 考核参数 screen); shared/people/rules.ts now reads them from there and
// ignores the same numbers in `registry.rules`. A scope that had customised them in `registry.rules`
// keeps its values: they move into that scope's `assessment.thresholds` (an indicator the board's row
// already sets there wins: it is what the board has been using), and leave `registry.rules`.
// A new row takes an id derived from the `registry.rules` row's, so every device of the scope makes
// the same row and the sync meets them as one. Values that would make bands overlap are dropped.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

type Obj = Record<string, unknown>;
const LEGACY = ['coverageGreen', 'coverageYellow', 'contactGreen', 'contactYellow', 'conversionYellowDays'];
const DEFAULTS = { coverage: { green: 0.98, yellow: 0.9 }, contact: { green: 0.8, yellow: 0.6 }, probation_overdue: { yellowFrom: 1, redFrom: 31 } };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const share = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : undefined);
const parse = (s: string): unknown => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
};

function derivedId(from: string): string {
  const h = createHash('sha256').update(`assessment.thresholds|${from}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await sql<{ id: string; scope_path: string; value_json: string }>`
    SELECT id, scope_path, value_json FROM settings WHERE key = 'registry.rules' AND deleted = 0`.execute(db)).rows;
  const now = new Date().toISOString();
  for (const r of rows) {
    const rules = parse(r.value_json);
    if (!isObj(rules) || !LEGACY.some((k) => k in rules)) continue;
    const board = (await sql<{ id: string; value_json: string }>`
      SELECT id, value_json FROM settings WHERE key = 'assessment.thresholds' AND scope_path = ${r.scope_path} AND deleted = 0 LIMIT 1`.execute(db)).rows[0];
    const t: Obj = board && isObj(parse(board.value_json)) ? (parse(board.value_json) as Obj) : {};
    const carry: Obj = {};
    for (const [ind, g, y] of [['coverage', 'coverageGreen', 'coverageYellow'], ['contact', 'contactGreen', 'contactYellow']] as const) {
      const green = share(rules[g]) ?? DEFAULTS[ind].green;
      const yellow = share(rules[y]) ?? DEFAULTS[ind].yellow;
      if (!(ind in t) && (g in rules || y in rules) && yellow <= green) carry[ind] = { green, yellow };
    }
    const days = rules.conversionYellowDays;
    if (!('probation_overdue' in t) && typeof days === 'number' && Number.isInteger(days) && days >= 0 && days < 3660)
      carry.probation_overdue = { yellowFrom: DEFAULTS.probation_overdue.yellowFrom, redFrom: days + 1 };
    if (Object.keys(carry).length) {
      const value = JSON.stringify({ ...t, ...carry });
      if (board) await sql`UPDATE settings SET value_json = ${value}, updated_at = ${now} WHERE id = ${board.id}`.execute(db);
      else
        await sql`INSERT INTO settings (id, key, value_json, scope_path, created_at, updated_at)
          VALUES (${derivedId(r.id)}, 'assessment.thresholds', ${value}, ${r.scope_path}, ${now}, ${now})`.execute(db);
    }
    const rest = Object.fromEntries(Object.entries(rules).filter(([k]) => !LEGACY.includes(k)));
    await sql`UPDATE settings SET value_json = ${JSON.stringify(rest)}, updated_at = ${now} WHERE id = ${r.id}`.execute(db);
  }
}
