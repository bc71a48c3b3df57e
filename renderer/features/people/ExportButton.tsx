import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import type { Input } from '../../../shared/contract/index.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useLang } from '../../i18n';
import { downloadFile } from '../../components/files';
import { useRegText } from './text';

type ExportInput = Omit<Input<'registry.export'>, 'fullIds'>;

/** Exports a list; roles that may see full ids choose between a masked and a full (logged) file. */
export function ExportButton(props: { input: ExportInput; size?: 'small' | 'middle' }) {
  const r = useRegText();
  const lang = useLang((s) => s.lang);
  const { message } = App.useApp();
  const session = useApi('session.info', {});
  const [busy, setBusy] = useState(false);
  const run = async (fullIds: boolean) => {
    setBusy(true);
    try {
      const f = await call('registry.export', { ...props.input, fullIds });
      downloadFile(f);
      message.success(r('export.done', { n: f.rows }));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  if (!session.data?.canSeeFullIds)
    return <Button size={props.size} icon={<DownloadOutlined />} loading={busy} onClick={() => run(false)}>{r('export')}</Button>;
  return (
    <Space.Compact size={props.size}>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => run(false)}>{r('export')}</Button>
      <Dropdown menu={{ items: [{ key: 'full', label: r('export.full') }], onClick: () => run(true) }}>
        <Button icon={<DownOutlined />} aria-label={r('export.full')} disabled={busy} />
      </Dropdown>
    </Space.Compact>
  );
}
