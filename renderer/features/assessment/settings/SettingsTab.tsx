// 考核参数: the dual-track weights and cut points, the assessment windows and the data-quality
// required fields — every number the board and the scorecard use beyond the thresholds tab.
import { Alert, Space, Spin } from 'antd';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { DualTrackSettings } from './DualTrackSettings';
import { WindowSettings } from './WindowSettings';

const EDITORS = new Set(['county_organiser', 'hq_admin']);

export function SettingsTab() {
  const { t, lang } = useT();
  const session = useApi('session.info', {});
  const raw = useApi('settings.get', {});
  const settings = useApi('assessment.settings', {});
  const editable = EDITORS.has(session.data?.role ?? '');
  if (raw.error || settings.error) return <Alert type="error" showIcon title={errorText(raw.error ?? settings.error, lang)} />;
  if (!raw.data || !settings.data || !session.data) return <Spin />;
  const reload = () => {
    void raw.reload();
    void settings.reload();
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {!editable && <Alert type="info" showIcon title={t('av.readOnly')} />}
      <DualTrackSettings raw={raw.data} editable={editable} onSaved={reload} />
      <WindowSettings settings={settings.data} editable={editable} onSaved={reload} />
    </Space>
  );
}
