// The key to the coloured dots (field trial: organisers could not tell what a yellow dot meant):
// each light with a few words beside it, and the full rule on hover.
import { Space, Tooltip, Typography } from 'antd';
import { LightDot } from '../../../components/LightDot';
import { useT } from '../../../i18n';
import type { COMPLIANCE_LIGHT } from './labels';

const ORDER = ['green', 'yellow', 'red', 'none'] as const;

export function LightLegend(props: { table: typeof COMPLIANCE_LIGHT; vars?: Record<string, string | number>; testId?: string }) {
  const { lang } = useT();
  const fill = (s: string) => Object.entries(props.vars ?? {}).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
  return (
    <Space size={[16, 4]} wrap data-testid={props.testId ?? 'light-legend'} style={{ marginBottom: 8 }}>
      {ORDER.map((l) => (
        <Space key={l} size={4}>
          <LightDot light={l} />
          {/* The dot has its own tooltip (its colour's name); the rule sits on the words. */}
          <Tooltip title={fill(props.table[l].long[lang])}>
            <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help', borderBottom: '1px dotted #bbb' }}>{props.table[l].short[lang]}</Typography.Text>
          </Tooltip>
        </Space>
      ))}
    </Space>
  );
}
