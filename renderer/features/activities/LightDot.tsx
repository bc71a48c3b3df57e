import { Tooltip } from 'antd';
import type { Light } from '../../../shared/orglife/status.js';
import { useT } from '../../i18n';
import { LIGHT_COLOR, LIGHTS } from './labels';

/** The red / yellow / green light of DOMAIN.md's warning table. */
export function LightDot({ light }: { light: Light }) {
  const { label } = useT();
  return (
    <Tooltip title={label(LIGHTS, light)}>
      <span role="img" aria-label={label(LIGHTS, light)} style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: LIGHT_COLOR[light] }} />
    </Tooltip>
  );
}
