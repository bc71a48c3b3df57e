import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useLang } from '../../i18n';
import { useRegText } from './text';

/** 查看完整信息: only for roles that may see full ids; the backend logs who looked at whom. */
export function RevealButton(props: { personId: string; onRevealed(v: { citizenId?: string; phone?: string }): void }) {
  const r = useRegText();
  const lang = useLang((s) => s.lang);
  const { message } = App.useApp();
  const session = useApi('session.info', {});
  const [busy, setBusy] = useState(false);
  if (!session.data?.canSeeFullIds) return null;
  const reveal = async () => {
    setBusy(true);
    try {
      const v = await call('people.reveal', { id: props.personId });
      props.onRevealed({ citizenId: v.citizenId ?? undefined, phone: v.phone ?? undefined });
      message.info(r('reveal.logged'));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={r('reveal.hint')}>
      <Button size="small" type="link" icon={<EyeOutlined />} loading={busy} onClick={reveal} style={{ padding: 0, height: 'auto' }}>{r('reveal')}</Button>
    </Tooltip>
  );
}
