import { Tooltip } from 'antd';
import type { Light } from '../../shared/orglife/status.js';
import type { Labelled } from '../../shared/domain/enums.js';
import { useT } from '../i18n';

const LIGHT_COLOR: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', none: '#d9d9d9' };

const LIGHTS: Labelled = {
  green: { zh: '绿灯', en: 'Green' },
  yellow: { zh: '黄灯', en: 'Yellow' },
  red: { zh: '红灯', en: 'Red' },
  none: { zh: '无', en: 'None' },
};

/** The red / yellow / green light of DOMAIN.md's warning table. */
export function LightDot({ light }: { light: Light }) {
  const { label } = useT();
  return (
    <Tooltip title={label(LIGHTS, light)}>
      <span role="img" aria-label={label(LIGHTS, light)} style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: LIGHT_COLOR[light] }} />
    </Tooltip>
  );
}
