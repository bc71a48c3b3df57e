// The member's standing computed from attendance and dues (db/dues/standing.ts), beside the name on
// the member record: at risk of lapse, lost contact, transfer due. Nothing shows when all is well.
import { Tag, Tooltip } from 'antd';
import { STANDING_FLAGS, type StandingFlag } from '../../../../shared/people/memberRules.js';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';

const COLOUR: Record<StandingFlag, string> = { lapse_risk: 'red', lost_contact: 'volcano', transfer_due: 'gold' };

export function StandingTags({ personId }: { personId: string }) {
  const { lang } = useT();
  const s = useApi('standing.member', { personId });
  if (!s.data) return null;
  const why = lang === 'en'
    ? `${s.data.noOrgLifeMonths} months without org life${s.data.duesUnpaidRun === null ? '' : `, ${s.data.duesUnpaidRun} months of dues unpaid`}`
    : `${s.data.noOrgLifeMonths} 个月未参加组织生活${s.data.duesUnpaidRun === null ? '' : `，连续 ${s.data.duesUnpaidRun} 个月未缴党费`}`;
  return (
    <Tooltip title={why}>
      <span data-testid="record-standing">{s.data.flags.map((f) => <Tag key={f} color={COLOUR[f]}>{STANDING_FLAGS[f][lang]}</Tag>)}</span>
    </Tooltip>
  );
}
