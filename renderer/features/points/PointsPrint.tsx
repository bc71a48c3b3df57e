// A branch's quarterly points table on paper (A4 portrait), as published: rank, name, quarter score,
// grade, the probationary and three-lists flags, and the publication's dates and approval. Being in
// the three lists is a negative outcome: a role that may not see one gets the column masked, as in
// the Excel export (db/points/export.ts).
import { seesPrivateItem } from '../../../shared/assessment/itemPrivacy.js';
import type { Role } from '../../../shared/domain/enums.js';
import type { QuarterTable } from '../../../shared/points/types.js';
import { GRADES } from '../../../shared/points/tally.js';
import { formatDay } from '../../components/formatDate';
import { useT } from '../../i18n';

export const printTitle = (d: QuarterTable, t: ReturnType<typeof useT>['t']) => t('points.print.title', { org: d.orgName, quarter: d.quarter });

export function PointsPrint({ table: d, role }: { table: QuarterTable; role: Role }) {
  const { t, label } = useT();
  const full = seesPrivateItem(role, false);
  const p = d.publication;
  const approval = p?.status === 'approved' ? t('points.print.approvedBy', { who: p.approvedBy ?? '', day: formatDay(p.approvedAt) }) : t(`points.status.${d.status}`);
  return (
    <div data-testid="points-print">
      <h2 style={{ textAlign: 'center', margin: '0 0 6px' }}>{printTitle(d, t)}</h2>
      <p style={{ margin: '0 0 8px', display: 'flex', gap: 24 }}>
        <span>{t('points.print.published', { day: p ? formatDay(p.publishedAt) : '—' })}</span>
        <span>{t('points.print.window', { day: p?.windowEnds ?? '—' })}</span>
        <span>{t('points.print.approval', { text: approval })}</span>
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('points.col.rank')}</th><th>{t('points.col.name')}</th><th>{t('points.print.score')}</th><th>{t('points.col.grade')}</th>
            <th>{t('points.probationary')}</th><th>{t('points.lowestTag')}</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r) => (
            <tr key={r.personId}>
              <td style={{ textAlign: 'right' }}>{r.rank}</td><td>{r.name}</td><td style={{ textAlign: 'right' }}>{r.total}</td><td>{label(GRADES, r.grade)}</td>
              <td>{r.probationary ? t('points.print.yes') : ''}</td><td>{full ? (r.lowest ? t('points.print.yes') : '') : '*'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ marginTop: 8 }}>{t('points.print.footer', { day: d.today })}{full ? '' : t('points.print.masked')}</p>
    </div>
  );
}
