// 考核窗口与数据质量必填项: `assessment.windows` (Party-contact look-back, escalation due days) and
// `assessment.requiredFields` (what data quality requires of a person record). Both are checked
// with the shared rule before either is saved, so a refusal of one saves neither.
import { Alert, App, Button, Card, Checkbox, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FIELD_TEXT } from '../../../../shared/assessment/fieldText.js';
import { REQUIRED_FIELD_CHOICES, WINDOW_LABELS, assessmentSettingIssues, type AssessmentSettings, type Windows } from '../../../../shared/assessment/thresholds.js';
import type { FieldIssue } from '../../../../shared/core/errors.js';
import { useT } from '../../../i18n';
import { useSaveSetting } from './useSaveSetting';

export function WindowSettings({ settings, editable, onSaved }: { settings: AssessmentSettings; editable: boolean; onSaved(): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [windows, setWindows] = useState<Record<keyof Windows, number | null>>(settings.windows);
  const [required, setRequired] = useState<string[]>(settings.requiredFields);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  useEffect(() => {
    setWindows(settings.windows);
    setRequired(settings.requiredFields);
  }, [settings]);
  const save = useSaveSetting(setIssues);
  const issueOf = (path: string) => issues.find((i) => i.path === path);
  const text = (i: FieldIssue | undefined) => (i ? (lang === 'en' ? i.messageEn : i.message) : undefined);
  const submit = async () => {
    // Both checked first: a bad required-fields choice must not leave the windows half saved.
    const all = [...assessmentSettingIssues('assessment.windows', windows), ...assessmentSettingIssues('assessment.requiredFields', required)];
    if (all.length) {
      setIssues(all);
      message.error(`${t('av.refused')}${text(all[0])}`);
      return;
    }
    if ((await save('assessment.windows', windows)) && (await save('assessment.requiredFields', required))) {
      message.success(t('av.saved'));
      onSaved();
    }
  };
  return (
    <Card size="small" title={t('av.winTitle')} data-testid="as-window-settings">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('av.winIntro')}</Typography.Paragraph>
      {issues.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`${t('av.refused')}${text(issues[0])}`} />}
      <Form layout="vertical" disabled={!editable}>
        <Space size={24} wrap>
          {(Object.keys(WINDOW_LABELS) as (keyof Windows)[]).map((k) => (
            <Form.Item key={k} label={WINDOW_LABELS[k][lang]} validateStatus={issueOf(k) ? 'error' : undefined} help={text(issueOf(k))}>
              <InputNumber aria-label={WINDOW_LABELS[k][lang]} value={windows[k]} style={{ width: 140 }} onChange={(v) => setWindows((w) => ({ ...w, [k]: v }))} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item label={t('av.required')} validateStatus={issueOf('requiredFields') ? 'error' : undefined} help={text(issueOf('requiredFields'))}>
          <Checkbox.Group value={required} onChange={(v) => setRequired(v)} aria-label={t('av.required')}
            options={REQUIRED_FIELD_CHOICES.map((f) => ({ value: f, label: FIELD_TEXT[f][lang] }))} />
        </Form.Item>
      </Form>
      {editable && <Button type="primary" data-testid="as-window-save" onClick={submit}>{t('av.save')}</Button>}
    </Card>
  );
}
