// The warning thresholds as an administrator reads them: each indicator's cut points, shares in per
// cent. HQ checks the whole set with the app's own rule (bands in order) before it stores anything.
import { Form, InputNumber, Table } from 'antd';
import { COUNT_INDICATORS, INDICATOR_LABELS, RATIO_INDICATORS, THRESHOLD_DEFAULTS, type Thresholds } from '../../shared/assessment/thresholds.js';
import { useCT } from './i18n';

type Row = { key: string; kind: 'ratio' | 'count' };
const ROWS: Row[] = [...RATIO_INDICATORS.map((k) => ({ key: k, kind: 'ratio' as const })), ...COUNT_INDICATORS.map((k) => ({ key: k, kind: 'count' as const }))];

/** Form values: shares in per cent, counts as they are. */
export type ThresholdValues = Record<string, { a: number; b: number }>;

export function toForm(t: Partial<Thresholds> | null): ThresholdValues {
  const full = { ...THRESHOLD_DEFAULTS, ...(t ?? {}) } as Thresholds;
  const out: ThresholdValues = {};
  for (const k of RATIO_INDICATORS) out[k] = { a: Math.round(full[k].green * 1000) / 10, b: Math.round(full[k].yellow * 1000) / 10 };
  for (const k of COUNT_INDICATORS) out[k] = { a: full[k].yellowFrom, b: full[k].redFrom };
  return out;
}

export function fromForm(v: ThresholdValues): Thresholds {
  const out = {} as Record<string, unknown>;
  for (const k of RATIO_INDICATORS) out[k] = { green: v[k]!.a / 100, yellow: v[k]!.b / 100 };
  for (const k of COUNT_INDICATORS) out[k] = { yellowFrom: v[k]!.a, redFrom: v[k]!.b };
  return out as Thresholds;
}

export function ThresholdForm() {
  const { t, lang } = useCT();
  return (
    <Table<Row> size="small" pagination={false} rowKey="key" dataSource={ROWS}
      columns={[
        { title: t('c.ref.item'), key: 'l', render: (_, r) => INDICATOR_LABELS[r.key as keyof typeof INDICATOR_LABELS][lang] },
        { title: `${t('c.ref.green')} / ${lang === 'en' ? 'yellow from' : '黄灯起点'}`, key: 'a', width: 150, render: (_, r) => (
          <Form.Item name={[r.key, 'a']} noStyle><InputNumber aria-label={`${r.key}.a`} min={0} max={r.kind === 'ratio' ? 100 : 3660} step={r.kind === 'ratio' ? 0.5 : 1} addonAfter={r.kind === 'ratio' ? '%' : undefined} /></Form.Item>
        ) },
        { title: `${t('c.ref.yellow')} / ${lang === 'en' ? 'red from' : '红灯起点'}`, key: 'b', width: 150, render: (_, r) => (
          <Form.Item name={[r.key, 'b']} noStyle><InputNumber aria-label={`${r.key}.b`} min={0} max={r.kind === 'ratio' ? 100 : 3660} step={r.kind === 'ratio' ? 0.5 : 1} addonAfter={r.kind === 'ratio' ? '%' : undefined} /></Form.Item>
        ) },
      ]} />
  );
}
