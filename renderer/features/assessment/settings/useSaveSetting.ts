// Saving one `assessment.*` setting from a screen: the shared rule first (the same one the backend
// runs, so a refusal reads the same and nothing is sent), then settings.set; a refusal either way
// lands in `show` (issues per field) and as a message.
import { App } from 'antd';
import { assessmentSettingIssues } from '../../../../shared/assessment/thresholds.js';
import type { FieldIssue } from '../../../../shared/core/errors.js';
import type { Input } from '../../../../shared/contract/index.js';
import { ApiCallError, call } from '../../../api/client';
import { useT } from '../../../i18n';

export function useSaveSetting(show: (issues: FieldIssue[]) => void) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const refuse = (issues: FieldIssue[]) => {
    show(issues);
    message.error(`${t('av.refused')}${lang === 'en' ? issues[0]!.messageEn : issues[0]!.message}`);
    return false;
  };
  return async (key: string, value: unknown): Promise<boolean> => {
    const local = assessmentSettingIssues(key, value);
    if (local.length) return refuse(local);
    try {
      await call('settings.set', { key, value: value as Input<'settings.set'>['value'] });
      show([]);
      return true;
    } catch (e) {
      if (e instanceof ApiCallError) {
        const body = e.body;
        return refuse(body.issues.length ? body.issues : [{ path: key, message: body.message, messageEn: body.messageEn }]);
      }
      throw e;
    }
  };
}
