// The board's lights while they are being built: one per subject and indicator, and the roll-up of
// organisation and outlet lights into their grid and county as the worst of them.
import type { Indicator } from '../../shared/assessment/thresholds.js';
import type { BoardLight, Cause, SubjectKind } from '../../shared/assessment/types.js';
import { worstLight, type Light } from '../../shared/orglife/status.js';

export const MAX_CAUSES = 300;

export interface Subject { kind: SubjectKind; id: string; name: string; countyId: string | null; gridId: string | null }

export class LightSet {
  readonly lights = new Map<string, BoardLight>();

  add(s: Subject, indicator: Indicator, colour: Light, value: number | null, all: Cause[]): void {
    // A green light has nothing to answer for (an absence at 95% attendance is not a warning).
    const causes = colour === 'green' || colour === 'none' ? [] : all;
    this.lights.set(`${s.kind}|${s.id}|${indicator}`, {
      subjectKind: s.kind, subjectId: s.id, subjectName: s.name, countyId: s.countyId, gridId: s.gridId, indicator, colour, value,
      derived: false, causes: causes.slice(0, MAX_CAUSES), causeCount: causes.length,
    });
  }

  /**
   * A grid's and county's light for an indicator measured per organisation, outlet or instructor:
   * the worst below it; the value counts the red ones; the causes are theirs.
   */
  rollUp(indicator: Indicator, units: Subject[], children: { countyId: string | null; gridId: string | null; colour: Light; causes: Cause[] }[]): void {
    // Bucketed once: a province has hundreds of units and thousands of children.
    const byCounty = new Map<string, typeof children>();
    const byGrid = new Map<string, typeof children>();
    for (const c of children) {
      if (c.countyId) (byCounty.get(c.countyId) ?? byCounty.set(c.countyId, []).get(c.countyId)!).push(c);
      if (c.gridId) (byGrid.get(c.gridId) ?? byGrid.set(c.gridId, []).get(c.gridId)!).push(c);
    }
    for (const u of units) {
      const below = (u.kind === 'county' ? byCounty : byGrid).get(u.id);
      if (!below) continue;
      const colour = worstLight(below.map((c) => c.colour));
      const causes = below.filter((c) => c.colour === 'red' || c.colour === 'yellow').flatMap((c) => c.causes);
      this.lights.set(`${u.kind}|${u.id}|${indicator}`, {
        subjectKind: u.kind, subjectId: u.id, subjectName: u.name, countyId: u.kind === 'county' ? u.id : u.countyId, gridId: u.kind === 'grid' ? u.id : null,
        indicator, colour, value: below.filter((c) => c.colour === 'red').length, derived: true, causes: causes.slice(0, MAX_CAUSES), causeCount: causes.length,
      });
    }
  }

  of(kind: SubjectKind, indicator: Indicator): BoardLight[] {
    return [...this.lights.values()].filter((l) => l.subjectKind === kind && l.indicator === indicator);
  }
}
