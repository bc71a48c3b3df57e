// An enrolment code as HQ issued it: the text to type and the QR code a device reads from a picture;
// and, while it is unused, the registry person it is for (a branch secretary then sees that branch's
// dues amounts on the device: hq/console/codePerson.ts).
import { Alert, Button, Modal, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { CodePersonAnswer, CodePersonOption } from '../../shared/console/codePerson.js';
import type { EnrolCodeAnswer } from '../../shared/console/types.js';
import { ROLES as ROLE_LABELS, type Labelled } from '../../shared/domain/enums.js';
import { useLang } from '../i18n';
import { enCP, zhCP } from '../i18n/texts/consoleCodePerson';
import { ConsoleError, get, post } from './api';
import { useCT } from './i18n';

const ROLES: Labelled = ROLE_LABELS;

function PersonPicker({ code }: { code: EnrolCodeAnswer }) {
  const lang = useLang((s) => s.lang);
  const tp = (key: keyof typeof zhCP, vars: Record<string, string> = {}) =>
    Object.entries(vars).reduce<string>((s, [k, v]) => s.replace(`{${k}}`, v), (lang === 'en' ? enCP : zhCP)[key]);
  const [options, setOptions] = useState<CodePersonOption[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [named, setNamed] = useState<CodePersonAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => setError(e instanceof ConsoleError ? (lang === 'en' ? e.en : e.zh) : String(e));
  // Answers can arrive out of order (the list asked on focus after the one typed for): keep the latest asked.
  const asked = useRef(0);
  const search = async (q: string) => {
    const n = ++asked.current;
    try {
      const found = await get<CodePersonOption[]>('devices/people', { scope: code.scopePath, q });
      if (n === asked.current) setOptions(found);
    } catch (e) {
      if (n === asked.current) fail(e);
    }
  };
  const name = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      setNamed(await post<CodePersonAnswer>('devices/code-person', { code: code.code, personId: chosen }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const label = (o: CodePersonOption) => `${o.name} · ${o.branch === null ? tp('cp.none') : tp(o.secretary ? 'cp.secretary' : 'cp.branch', { branch: o.branch })}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="code-person">
      <Typography.Text strong>{tp('cp.title')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{tp('cp.hint')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          showSearch filterOption={false} allowClear aria-label={tp('cp.search')} placeholder={tp('cp.search')} style={{ flex: 1 }}
          value={chosen} onChange={(v: string | undefined) => setChosen(v ?? null)} onSearch={search} onFocus={() => void search('')}
          options={options.map((o) => ({ value: o.personId, label: label(o) }))}
        />
        <Button type="primary" disabled={!chosen} loading={busy} onClick={name}>{tp('cp.name')}</Button>
      </Space.Compact>
      {named && (
        <Alert type="success" showIcon data-testid="code-person-named"
          title={named.secretaryOf.length ? tp('cp.namedSecretary', { name: named.name, branches: options.find((o) => o.personId === named.personId)?.branch ?? '' }) : tp('cp.named', { name: named.name })} />
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}

export function CodeModal({ code, onClose }: { code: EnrolCodeAnswer | null; onClose(): void }) {
  const { t, lang } = useCT();
  return (
    <Modal open={!!code} title={t('c.code.title')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={460} style={{ top: 24 }} destroyOnHidden>
      {code && (
        <Space direction="vertical" style={{ width: '100%', alignItems: 'center' }}>
          <Typography.Text type="secondary">{t('c.code.for', { user: code.userName, role: ROLES[code.role]?.[lang] ?? code.role, scope: code.scopePath })}</Typography.Text>
          <Typography.Text data-testid="enrol-code" copyable style={{ fontSize: 26, fontFamily: 'monospace', letterSpacing: 2 }}>{code.code}</Typography.Text>
          <img src={code.qrDataUrl} alt={code.code} data-testid="enrol-qr" width={220} height={220} />
          <Alert type="info" showIcon title={t('c.code.hint', { days: code.expiresInDays })} />
          <PersonPicker code={code} />
        </Space>
      )}
    </Modal>
  );
}
