// Conflict and rejection records: both values, who and when, and one click to re-apply.
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { ConflictRecord, RecordSide, RejectionRecord } from '../../../shared/sync/contract.js';
import { PURGED_CODE } from '../../../shared/sync/protocol.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { fieldLabel, tableLabel, timeText, valueText } from './format';
import { syncText } from './messages';

function useActions(reload: () => void) {
  const { lang } = useT();
  const { message } = App.useApp();
  return async (op: 'sync.reapply' | 'sync.dismiss', kind: 'conflict' | 'rejection', id: string) => {
    try {
      await call(op, { kind, id });
      message.success(syncText(lang, op === 'sync.reapply' ? 'reapplied' : 'dismissed'));
    } catch (e) {
      message.error(errorText(e, lang));
    }
    reload();
  };
}

function Side({ side, column }: { side: RecordSide; column: string }) {
  const { lang } = useT();
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>{valueText(column, side.value, lang)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {side.user} · {timeText(side.at, lang)} {side.mine && <Tag color="blue" style={{ marginLeft: 4 }}>{syncText(lang, 'mine')}</Tag>}
      </Typography.Text>
    </Space>
  );
}

const Handled = ({ r }: { r: { reappliedAt: string | null; dismissedAt: string | null } }) => {
  const { lang } = useT();
  if (r.reappliedAt) return <Tag color="green">{syncText(lang, 'reapply')} {timeText(r.reappliedAt, lang)}</Tag>;
  if (r.dismissedAt) return <Tag>{syncText(lang, 'dismissed')}</Tag>;
  return null;
};

export function ConflictTable({ include, onChange }: { include: 'open' | 'all'; onChange: () => void }) {
  const { lang } = useT();
  const s = (k: Parameters<typeof syncText>[1]) => syncText(lang, k);
  const list = useApi('sync.conflicts', { include, limit: 200, offset: 0 });
  const act = useActions(() => {
    void list.reload();
    onChange();
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{s('conflictHelp')}</Typography.Paragraph>
      <Table<ConflictRecord>
        size="small" rowKey="id" loading={list.loading} dataSource={list.data?.rows ?? []} pagination={false}
        locale={{ emptyText: s('empty') }} data-testid="sync-conflicts"
        columns={[
          { title: s('record'), key: 'rec', width: 200, render: (_, r) => <><Tag>{tableLabel(r.table, lang)}</Tag>{r.rowLabel ?? r.rowId.slice(-8)}</> },
          { title: s('field'), dataIndex: 'column', width: 110, render: (c: string) => fieldLabel(c, lang) },
          { title: s('lost'), key: 'loser', render: (_, r) => <Side side={r.loser} column={r.column} /> },
          { title: s('won'), key: 'winner', render: (_, r) => <Side side={r.winner} column={r.column} /> },
          { title: s('current'), dataIndex: 'current', width: 140, render: (v: unknown, r) => valueText(r.column, v, lang) },
          {
            title: s('actions'), key: 'act', width: 190,
            render: (_, r) => r.reappliedAt || r.dismissedAt ? <Handled r={r} /> : (
              <Space>
                <Button size="small" type="primary" onClick={() => act('sync.reapply', 'conflict', r.id)}>{s('reapply')}</Button>
                <Button size="small" onClick={() => act('sync.dismiss', 'conflict', r.id)}>{s('dismiss')}</Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

export function RejectionTable({ include, onChange }: { include: 'open' | 'all'; onChange: () => void }) {
  const { lang } = useT();
  const s = (k: Parameters<typeof syncText>[1]) => syncText(lang, k);
  const list = useApi('sync.rejections', { include, limit: 200, offset: 0 });
  const act = useActions(() => {
    void list.reload();
    onChange();
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{s('rejectionHelp')}</Typography.Paragraph>
      <Table<RejectionRecord>
        size="small" rowKey="id" loading={list.loading} dataSource={list.data?.rows ?? []} pagination={false}
        locale={{ emptyText: s('empty') }} data-testid="sync-rejections"
        columns={[
          { title: s('record'), key: 'rec', width: 200, render: (_, r) => <><Tag>{tableLabel(r.table, lang)}</Tag>{r.rowLabel ?? r.rowId.slice(-8)}</> },
          {
            title: s('content'), key: 'values',
            render: (_, r) => (
              <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                {Object.entries(r.values).filter(([c]) => c !== 'updated_at' && c !== 'created_at').slice(0, 6).map(([c, v]) => `${fieldLabel(c, lang)}：${valueText(c, v, lang)}`).join('；')}
              </Typography.Text>
            ),
          },
          { title: s('reason'), key: 'reason', render: (_, r) => <Typography.Text type="danger">{lang === 'en' ? r.reasonEn : r.reason}</Typography.Text> },
          { title: s('madeAt'), dataIndex: 'madeAt', width: 140, render: (v: string) => timeText(v, lang) },
          {
            title: s('actions'), key: 'act', width: 190,
            render: (_, r) => r.reappliedAt || r.dismissedAt ? <Handled r={r} /> : (
              <Space>
                {/* HQ refuses every write to a purged row: re-entering it as a new record is the way back. */}
                {r.code === PURGED_CODE
                  ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s('reenter')}</Typography.Text>
                  : <Button size="small" type="primary" onClick={() => act('sync.reapply', 'rejection', r.id)}>{s('reapply')}</Button>}
                <Button size="small" onClick={() => act('sync.dismiss', 'rejection', r.id)}>{s('dismiss')}</Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
