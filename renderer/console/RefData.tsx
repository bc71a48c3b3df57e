// 基础数据: the reference data HQ sends down, province defaults and county overrides side by side,
// edited as structured thresholds, honour kinds as rows, the rest as checked JSON; every change listed with who, when, before and after.
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ConsoleSession, RefEntry, RefHistory, RefView } from '../../shared/console/types.js';
import { get, post } from './api';
import { formatDateTime } from '../components/formatDate';
import { useCT } from './i18n';
import { ThresholdForm, fromForm, toForm, type ThresholdValues } from './ThresholdForm';
import { quizSettings, type QuizSettings } from '../../shared/quiz/settings.js';
import { HonourKindsForm, fromRows, toRows, type KindRow } from './HonourKindsForm';
import { errorText, useLoad } from './useLoad';

const short = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 78)}…` : s;
};

export function RefData({ me }: { me: ConsoleSession }) {
  const { t, lang } = useCT();
  const { message } = App.useApp();
  const [scope, setScope] = useState(me.scopePath);
  const units = useLoad(() => get<{ name: string; path: string; level: string }[]>('units'), []);
  const view = useLoad(() => get<RefView>('refdata', { scope }), [scope]);
  const [editing, setEditing] = useState<RefEntry | null>(null);
  const [json, setJson] = useState('');
  const [tf] = Form.useForm<ThresholdValues>();
  const [err, setErr] = useState<string | null>(null);
  const [kinds, setKinds] = useState<KindRow[]>([]);
  const options = [...(me.role === 'hq_admin' ? [{ value: '/', label: t('c.ref.province') }] : []),
    ...(units.data ?? []).filter((u) => u.level === 'county').map((u) => ({ value: u.path, label: `${u.name} (${u.path})` }))];

  const open = (e: RefEntry) => {
    // Nothing set anywhere: the app's defaults are what is in force, and what an edit starts from.
    const current = (scope === '/' ? e.province?.value : e.county?.value) ?? e.effective ?? (e.key.startsWith('quiz.') ? quizSettings()[e.key.slice(5) as keyof QuizSettings] : null);
    setErr(null);
    setJson(current === null ? '' : JSON.stringify(current, null, 2));
    if (e.key === 'assessment.thresholds') tf.setFieldsValue(toForm(current as Parameters<typeof toForm>[0]));
    if (e.key === 'honours.kinds') setKinds(toRows(current));
    setEditing(e);
  };
  const save = async () => {
    if (!editing) return;
    let value: unknown;
    if (editing.key === 'assessment.thresholds') value = fromForm(tf.getFieldsValue(true) as ThresholdValues);
    else if (editing.key === 'honours.kinds') {
      // Two rows with one code would silently become one kind: say so instead.
      const dup = kinds.map((k) => k.key.trim()).find((k, i, all) => all.indexOf(k) !== i);
      if (dup !== undefined) {
        setErr(t('h.duplicate', { key: dup }));
        return;
      }
      value = fromRows(kinds);
    }
    else {
      try {
        value = JSON.parse(json);
      } catch {
        setErr(t('c.ref.badJson'));
        return;
      }
    }
    try {
      await post('refdata/set', { key: editing.key, scopePath: scope, value });
      setEditing(null);
      void message.success(t('c.ref.saved'));
      view.reload();
    } catch (e) {
      setErr(errorText(e, lang));
    }
  };
  const clear = async (e: RefEntry) => {
    try {
      await post('refdata/clear', { key: e.key, scopePath: scope });
      view.reload();
    } catch (x) {
      void message.error(errorText(x, lang));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>{t('c.ref.scope')}</Typography.Text>
        <Select style={{ width: 320 }} value={scope} onChange={setScope} options={options} data-testid="ref-scope" />
      </Space>
      {view.error && <Alert type="error" showIcon title={errorText(view.error, lang)} />}
      <Table<RefEntry> size="small" rowKey="key" loading={view.loading} dataSource={view.data?.entries ?? []} pagination={false} data-testid="ref-table"
        columns={[
          { title: t('c.ref.item'), key: 'k', width: 220, render: (_, e) => <Space direction="vertical" size={0}><span>{lang === 'en' ? e.en : e.zh}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.key}</Typography.Text>{e.provinceOnly && <Tag>{t('c.ref.provinceOnly')}</Tag>}</Space> },
          { title: t('c.ref.province'), key: 'p', render: (_, e) => e.province ? <code>{short(e.province.value)}</code> : <Typography.Text type="secondary">{t('c.ref.default')}</Typography.Text> },
          ...(scope === '/' ? [] : [{ title: t('c.ref.countyValue'), key: 'c', render: (_: unknown, e: RefEntry) => e.county ? <code>{short(e.county.value)}</code> : <Typography.Text type="secondary">—</Typography.Text> }]),
          { title: '', key: 'a', width: 170, render: (_, e) => (scope !== '/' && e.provinceOnly) ? null : (
            <Space size={4}>
              <Button size="small" onClick={() => open(e)} data-testid={`edit-${e.key}`}>{t('c.ref.edit')}</Button>
              {scope !== '/' && e.county && <Popconfirm title={t('c.ref.clear')} onConfirm={() => void clear(e)}><Button size="small">{t('c.ref.clear')}</Button></Popconfirm>}
            </Space>
          ) },
        ]} />
      <Typography.Title level={5}>{t('c.ref.history')}</Typography.Title>
      <Table<RefHistory> size="small" rowKey={(h) => [h.at, h.key, h.scopePath].join('|')} dataSource={view.data?.history ?? []} pagination={{ pageSize: 6 }}
        columns={[
          { title: t('c.ref.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('c.ref.by'), dataIndex: 'userName', width: 90 },
          { title: t('c.ref.item'), dataIndex: 'key', width: 170 },
          { title: t('c.ref.scope'), dataIndex: 'scopePath', width: 150 },
          { title: t('c.ref.before'), dataIndex: 'before', render: (v: unknown) => <code>{short(v)}</code> },
          { title: t('c.ref.after'), dataIndex: 'after', render: (v: unknown) => <code>{short(v)}</code> },
        ]} />
      <Modal open={!!editing} width={editing?.key === 'assessment.thresholds' ? 640 : editing?.key === 'honours.kinds' ? 860 : 560} title={editing ? `${lang === 'en' ? editing.en : editing.zh} · ${scope}` : ''}
        onCancel={() => setEditing(null)} onOk={() => void save()} okText={t('c.save')} cancelText={t('c.cancel')}>
        {editing?.key === 'assessment.thresholds'
          ? <Form form={tf} component={false}><ThresholdForm /></Form>
          : editing?.key === 'honours.kinds' ? <HonourKindsForm rows={kinds} onChange={setKinds} />
          : <Input.TextArea aria-label={t('c.ref.json')} rows={12} value={json} onChange={(e) => setJson(e.target.value)} style={{ fontFamily: 'monospace' }} />}
        {err && <Alert type="error" showIcon style={{ marginTop: 12 }} title={err} data-testid="ref-error" />}
      </Modal>
    </Space>
  );
}
