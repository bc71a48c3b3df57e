// Settling a due item dates the record inside the item's period: the notice says which period,
// and the date picker offers only its days.
import { Alert } from 'antd';
import type { Dayjs } from 'dayjs';
import type { SettlePeriod } from '../../../../shared/orglife/due.js';
import { parsePeriodKey, periodLabel } from '../../../../shared/orglife/periods.js';
import { useT } from '../../../i18n';

export function outsidePeriod(period: SettlePeriod | undefined): ((d: Dayjs) => boolean) | undefined {
  if (!period) return undefined;
  return (d) => {
    const day = d.format('YYYY-MM-DD');
    return day < period.start || day > period.end;
  };
}

export function PeriodNotice({ period }: { period?: SettlePeriod }) {
  const { t, lang } = useT();
  if (!period) return null;
  const p = parsePeriodKey(period.key);
  const label = p ? periodLabel(p, lang) : period.key;
  return <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="settle-period" title={t('due.settlePeriod', { period: label, start: period.start, end: period.end })} />;
}
