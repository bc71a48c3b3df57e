// Quorum and motions worked out while the record is being filled in, with the same shared rules
// the backend applies on save (probationary members left out of both counts).
import { Alert, Space, Typography } from 'antd';
import { motionOutcome, quorumOf } from '../../../../shared/orglife/quorum.js';
import type { OrgLifeSettings } from '../../../../shared/orglife/settings.js';
import { useT } from '../../../i18n';
import type { MarkItem } from './AttendanceEditor';
import type { ResolutionItem } from './ResolutionsEditor';

export function QuorumPanel(props: { marks: MarkItem[]; resolutions: ResolutionItem[]; settings: OrgLifeSettings; showQuorum: boolean }) {
  const { t } = useT();
  const q = quorumOf(props.marks, props.settings);
  const voted = props.resolutions.filter((r) => r.voted);
  if (!props.showQuorum && !voted.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="quorum">
      {props.showQuorum && (
        <Alert
          type={q.met ? 'success' : 'warning'}
          showIcon
          message={q.met ? t('act.quorumMet') : t('act.quorumNotMet')}
          description={t('act.quorumDetail', { voting: q.voting, present: q.votingPresent, needed: q.needed, prob: q.probationaryLeftOut })}
        />
      )}
      {voted.map((r, i) => {
        const o = motionOutcome({ yes: r.yes ?? 0, no: r.no ?? 0, abstain: r.abstain ?? 0 }, q, props.settings);
        return (
          <Typography.Text key={i} type={o.problem ? 'danger' : o.passed ? 'success' : 'warning'}>
            {t('act.motionLine', { n: i + 1, yes: r.yes ?? 0, needed: o.needed, voting: q.voting })}
            {o.problem ? t('act.votesTooMany') : o.passed ? t('act.passed') : t('act.notPassed')}
          </Typography.Text>
        );
      })}
    </Space>
  );
}
