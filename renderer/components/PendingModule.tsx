import { Result } from 'antd';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n';

/** A module a later release fills: says so plainly and shows no fake data. */
export function PendingModule({ textKey }: { textKey: MessageKey }) {
  const { t } = useT();
  return <Result status="info" title={t('pending.title')} subTitle={t(textKey)} />;
}
