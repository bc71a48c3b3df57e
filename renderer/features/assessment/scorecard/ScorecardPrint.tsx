// The scorecard on paper (A4 landscape): every outlet's eight indicator scores, composite and light,
// then the roll-ups — what ScorecardTab shows, laid out for printing and saving as PDF.
import { DUAL_KEYS, DUAL_LABELS } from '../../../../shared/assessment/dualTrack.js';
import type { OutletCard, RollupRow } from '../../../../shared/assessment/dualTrackApi.js';
import { CHANNEL_TYPES } from '../../../../shared/domain/enums.js';
import { useT } from '../../../i18n';
import { SUBJECT_KINDS_L } from '../labels';

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(1));

export function ScorecardPrint({ title, cards, rollups }: { title: string; cards: OutletCard[]; rollups: RollupRow[] }) {
  const { t, label, lang } = useT();
  const light = (l: OutletCard['light']) => (l === 'none' ? '—' : t(`as.${l}`));
  return (
    <div data-testid="dt-print">
      <h2 style={{ textAlign: 'center' }}>{title}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('dt.outlet')}</th><th>{t('dt.channel')}</th><th>{t('dt.org')}</th>
            {DUAL_KEYS.map((k) => <th key={k}>{lang === 'zh' ? DUAL_LABELS[k].zh : DUAL_LABELS[k].en}</th>)}
            <th>{t('dt.composite')}</th><th>{t('dt.light')}</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((c) => (
            <tr key={c.outletId}>
              <td>{c.outletName}</td><td>{label(CHANNEL_TYPES, c.channelType)}</td><td>{c.orgName ?? '—'}</td>
              {c.indicators.map((i) => <td key={i.key} style={{ textAlign: 'right' }}>{fmt(i.score)}</td>)}
              <td style={{ textAlign: 'right' }}>{fmt(c.composite)}</td><td>{light(c.light)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('dt.rollups')}</h3>
      <table>
        <tbody>
          {rollups.map((r) => (
            <tr key={`${r.kind}|${r.id}`}><td>{label(SUBJECT_KINDS_L, r.kind)}</td><td>{r.name}</td><td>{r.outlets}</td><td>{fmt(r.composite)}</td><td>{light(r.light)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
