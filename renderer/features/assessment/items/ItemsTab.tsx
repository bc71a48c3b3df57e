// 三单: responsibility, problem and rectification items; create, move, verify, export. An item about a
// member's negative outcome arrives masked for whoever may not read it: a neutral title and no actions.
import { App, Button, Input, Modal, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ITEM_KINDS, ITEM_STATUSES, type ItemKind, type ItemStatus } from '../../../../shared/assessment/items.js';
import { maskedTitle } from '../../../../shared/assessment/itemPrivacy.js';
import type { ItemRow } from '../../../../shared/assessment/types.js';
import { call } from '../../../api/client';
import { downloadFile } from '../../../components/files';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ITEM_KINDS_L, ITEM_STATUSES_L, SOURCES_L } from '../labels';
import { ItemForm, type ItemPreset } from './ItemForm';

const STATUS_COLOUR: Record<ItemStatus, string> = { open: 'default', in_progress: 'processing', done: 'warning', verified: 'success' };

export function ItemsTab() {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const [status, setStatus] = useState<ItemStatus | undefined>();
  const [kind, setKind] = useState<ItemKind | undefined>();
  const [mine, setMine] = useState(false);
  const [preset, setPreset] = useState<ItemPreset | null>(null);
  const [finishing, setFinishing] = useState<ItemRow | null>(null);
  const [evidence, setEvidence] = useState('');
  const session = useApi('session.info', {});
  const list = useApi('rectification.list', { ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(mine ? { mine } : {}), limit: 500 });
  const move = async (r: ItemRow, to: ItemStatus, ev?: string) => {
    try {
      await call('rectification.move', { id: r.id, to, ...(ev ? { evidence: ev } : {}) });
      message.success(t('as.saved'));
      void list.reload();
      return true;
    } catch (e) {
      message.error(errorText(e, lang));
      return false;
    }
  };
  const owner = (r: ItemRow) => r.ownerName ?? r.ownerUser ?? (r.ownerRole ? t('as.roleOwner') : '—');
  const me = session.data?.userName ?? '';
  const colon = lang === 'zh' ? '：' : ': ';
  const exportItems = async () => {
    try {
      const f = await call('assessment.export', { list: 'items' });
      downloadFile(f);
      message.success(t('as.exported', { n: f.rows }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<ItemStatus> allowClear placeholder={t('as.allStatuses')} aria-label={t('as.status')} style={{ width: 140 }} value={status} onChange={setStatus}
          options={ITEM_STATUSES.map((s) => ({ value: s, label: label(ITEM_STATUSES_L, s) }))} />
        <Select<ItemKind> allowClear placeholder={t('as.allKinds')} aria-label={t('as.kind')} style={{ width: 140 }} value={kind} onChange={setKind}
          options={ITEM_KINDS.map((k) => ({ value: k, label: label(ITEM_KINDS_L, k) }))} />
        <Space size={6}><Switch size="small" checked={mine} onChange={setMine} aria-label={t('as.mine')} data-testid="as-items-mine" /><span>{t('as.mine')}</span></Space>
        {session.data?.role !== 'auditor' && <Button type="primary" icon={<PlusOutlined />} onClick={() => setPreset({})}>{t('as.newItem')}</Button>}
        <Button icon={<DownloadOutlined />} onClick={exportItems}>{t('as.export')}</Button>
      </Space>
      <Table<ItemRow>
        size="small" rowKey="id" loading={list.loading && !list.data} dataSource={list.data?.rows ?? []} data-testid="as-items" pagination={{ pageSize: 12, size: 'small' }}
        columns={[
          { title: t('as.kind'), dataIndex: 'kind', width: 112, render: (k: ItemKind) => label(ITEM_KINDS_L, k) },
          {
            title: t('as.title'), dataIndex: 'title', ellipsis: true,
            render: (v: string, r) => (r.masked ? <Typography.Text type="secondary" data-testid="as-item-masked">{maskedTitle(r.source)[lang]}</Typography.Text> : <Tooltip title={r.detail ?? v}>{v}</Tooltip>),
          },
          { title: t('as.subject'), dataIndex: 'subjectName', width: 150, ellipsis: true },
          { title: t('as.owner'), key: 'owner', width: 110, render: (_: unknown, r) => owner(r) },
          {
            title: t('as.due'), dataIndex: 'dueOn', width: 130,
            render: (v: string | null, r) => (<>{v ?? '—'}{r.overdueDays > 0 && <Typography.Text type="danger"> {t('as.overdue', { n: r.overdueDays })}</Typography.Text>}</>),
          },
          { title: t('as.status'), dataIndex: 'status', width: 86, render: (s: ItemStatus) => <Tag color={STATUS_COLOUR[s]}>{label(ITEM_STATUSES_L, s)}</Tag> },
          { title: t('as.source'), dataIndex: 'source', width: 80, render: (s: string) => label(SOURCES_L, s) },
          {
            title: '', key: 'act', width: 170,
            render: (_: unknown, r) => (r.masked ? null : (
              <Space size={4}>
                {r.status === 'open' && <Button size="small" onClick={() => move(r, 'in_progress')}>{t('as.start')}</Button>}
                {r.status === 'in_progress' && <Button size="small" type="primary" onClick={() => { setEvidence(r.evidence ?? ''); setFinishing(r); }}>{t('as.done')}</Button>}
                {r.status === 'done' && r.doneBy !== me && !r.mine && (
                  <>
                    <Button size="small" type="primary" onClick={() => move(r, 'verified')}>{t('as.verify')}</Button>
                    <Button size="small" onClick={() => move(r, 'in_progress')}>{t('as.sendBack')}</Button>
                  </>
                )}
                {r.status === 'done' && (r.doneBy === me || r.mine) && <Typography.Text type="secondary">{t('as.doneBy')}{colon}{r.doneBy}</Typography.Text>}
                {r.status === 'verified' && <Typography.Text type="secondary">{t('as.verifiedBy')}{colon}{r.verifiedBy}</Typography.Text>}
              </Space>
            )),
          },
        ]}
      />
      <ItemForm preset={preset} onClose={(saved) => {
        setPreset(null);
        if (saved) void list.reload();
      }} />
      <Modal open={!!finishing} title={t('as.done')} onCancel={() => setFinishing(null)} data-testid="as-finish"
        onOk={async () => finishing && (await move(finishing, 'done', evidence.trim())) && setFinishing(null)}>
        <Typography.Paragraph>{finishing?.title}</Typography.Paragraph>
        <Input.TextArea rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder={t('as.evidence')} aria-label={t('as.evidence')} maxLength={2000} />
      </Modal>
    </>
  );
}
