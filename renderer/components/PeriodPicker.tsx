// Choosing a period: a month, quarter, half-year or year (compliance, duties, record book).
import { DatePicker, Segmented, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInBeijing } from '../../shared/core/dates.js';
import { periodLabel, periodOf, type Period, type PeriodUnit } from '../../shared/orglife/periods.js';
import { useT } from '../i18n';

export function periodFor(unit: PeriodUnit, day: Dayjs): Period {
  return periodOf(day.format('YYYY-MM-DD'), unit);
}

export function PeriodPicker(props: { unit: PeriodUnit; day: Dayjs; onChange(unit: PeriodUnit, day: Dayjs): void; units?: PeriodUnit[] }) {
  const { t, lang } = useT();
  const units = props.units ?? ['month', 'quarter', 'year'];
  const labels: Record<PeriodUnit, string> = { month: t('period.month'), quarter: t('period.quarter'), half: t('period.half'), year: t('period.year') };
  const p = periodFor(props.unit, props.day);
  return (
    <Space wrap>
      <Segmented size="small" value={props.unit} options={units.map((u) => ({ value: u, label: labels[u] }))} onChange={(u) => props.onChange(u as PeriodUnit, props.day)} />
      {props.unit === 'half' ? (
        <Select
          size="small"
          style={{ width: 150 }}
          value={p.key}
          aria-label={labels.half}
          options={[0, -1, -2, -3].map((n) => periodFor('half', dayjs(todayInBeijing()).add(6 * n, 'month'))).map((h) => ({ value: h.key, label: periodLabel(h, lang) }))}
          onChange={(k: string) => props.onChange('half', dayjs(k.endsWith('H1') ? `${k.slice(0, 4)}-01-01` : `${k.slice(0, 4)}-07-01`))}
        />
      ) : (
        <DatePicker
          size="small"
          allowClear={false}
          picker={props.unit === 'month' ? 'month' : props.unit === 'quarter' ? 'quarter' : 'year'}
          value={props.day}
          onChange={(d) => d && props.onChange(props.unit, d)}
          aria-label={labels[props.unit]}
          format={() => periodLabel(p, lang)}
        />
      )}
    </Space>
  );
}
