// Dues for the synthetic province (issue 13): every member in good standing gets a base a year back
// (or from admission), mostly wage bands, some pensions and flat amounts; payments month by month,
// with realistic defects — ~3% have no base recorded, ~6% stopped paying 3–9 months ago (some past
// the 6-month lapse line), ~10% pay late in batches. Own random stream and ids, so adding dues
// leaves every other generated row as it was.
import { addMonth, monthRange } from '../../shared/dues/rules.js';
import { emit, synced, type CountyModel, type Gen } from './model.js';
import { deriveSeed, IdMaker, Rng, toMs } from './prng.js';

const CATEGORIES = [['wage', 70], ['business_income', 10], ['pension', 8], ['farmer', 9], ['student', 1], ['unemployed', 2]] as const;

export function buildDues(g: Gen, m: CountyModel): void {
  const rng = Rng.derive(g.seed, 'dues', m.index);
  const ids = new IdMaker(deriveSeed(g.seed, 'dues-ids', m.index), toMs(g.today) - 400 * 86_400_000);
  const thisMonth = g.today.slice(0, 7);
  for (const o of m.outlets) {
    for (const mem of o.members) {
      if (!mem.org || rng.chance(0.03)) continue;
      const scope = mem.row.scope_path as string;
      const join = mem.joinDate.slice(0, 7);
      const from = join > addMonth(thisMonth, -12) ? join : addMonth(thisMonth, -12);
      const category = rng.weighted(CATEGORIES);
      const flat = category === 'farmer' || category === 'student' || category === 'unemployed';
      const wage = category === 'pension' ? 2500 + rng.int(0, 4000) : 2200 + Math.round(Math.abs(rng.normal()) * 3500);
      emit(m, 'dues_bases', {
        id: ids.next(), person_id: mem.person.id, from_month: from, category, base_fen: flat ? null : wage * 100, note: null, recorded_by: '县委组织员', ...synced(scope, g.stamp),
      });
      const stopped = rng.chance(0.06) ? addMonth(thisMonth, -rng.int(3, 9)) : null;
      const late = rng.chance(0.1);
      const rate = category === 'pension' ? (wage <= 5000 ? 0.005 : 0.01) : wage <= 3000 ? 0.005 : wage <= 5000 ? 0.01 : wage <= 10000 ? 0.015 : 0.02;
      for (const month of monthRange(from, addMonth(thisMonth, -1))) {
        if (stopped && month >= stopped) break;
        const paidOn = late ? `${addMonth(month, 2)}-10` : `${month}-${String(rng.int(5, 25)).padStart(2, '0')}`;
        if (paidOn > g.today) continue;
        emit(m, 'dues_payments', {
          id: ids.next(), person_id: mem.person.id, org_id: mem.org.id, month, amount_fen: flat ? 20 : Math.round(wage * 100 * rate), paid_on: paidOn,
          collector: mem.org.secretary?.row.name ?? '支部书记', method: rng.pick(['cash', 'wechat', 'payroll', 'alipay'] as const), note: null, recorded_by: '县委组织员',
          ...synced(scope, g.stamp),
        });
      }
    }
  }
}
