// Opens the form that settles a due item: the activity form prefilled with type and organisation,
// the visit form with instructor and outlet, or the member's record for a conversion.
import { useEffect, useMemo } from 'react';
import type { Settle } from '../../../../shared/orglife/due.js';
import { VisitForm } from '../instructors/VisitForm';
import { PersonForm } from '../../people';
import { ActivityForm } from '../activities/ActivityForm';
import type { Preset } from '../activities/formModel';

export function SettleForm(props: { settle: Settle | null; onClose(saved: boolean): void }) {
  const s = props.settle;
  // Stable presets: a form resets when its preset changes, not on every render of the page.
  const activity = useMemo<Preset | undefined>(() => (s?.form === 'activity' ? { type: s.type, orgId: s.orgId, groupId: s.groupId, instructorId: s.instructorId, period: s.period } : undefined), [s]);
  // Three-list items are worked on in 考核预警, which this feature may not import: go there by its address.
  useEffect(() => {
    if (s?.form === 'item') {
      location.hash = '#/assessment';
      props.onClose(false);
    }
  }, [s, props]);
  const visit = useMemo(() => (s?.form === 'visit' ? { instructorId: s.instructorId, outletId: s.outletId, period: s.period } : undefined), [s]);
  return (
    <>
      <ActivityForm open={s?.form === 'activity'} preset={activity} onClose={(saved) => props.onClose(!!saved)} />
      <VisitForm open={s?.form === 'visit'} preset={visit} onClose={(saved) => props.onClose(!!saved)} />
      <PersonForm open={s?.form === 'person'} personId={s?.form === 'person' ? s.personId : undefined} onClose={(saved) => props.onClose(!!saved)} />
    </>
  );
}
