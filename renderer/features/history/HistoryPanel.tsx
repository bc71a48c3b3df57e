// 修改记录: a record's field history — who changed which field from what to what, when, on which
// device, and whether it was entered here or arrived by sync. Values come masked from the backend
// where the viewer's role may not see them. Embedded by each record screen with one line.
import { Collapse, Table, Tag, Tooltip, Typography } from 'antd';
import type { HistoryEntry } from '../../../shared/history/types.js';
import type { HistoryTable } from '../../../shared/history/tables.js';
import { ROLES } from '../../../shared/domain/enums.js';
import { errorText } from '../../components/formErrors';
import { formatDateTime } from '../../components/formatDate';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { readValue } from './values';

export interface HistorySource {
  tbl: HistoryTable;
  rowId: string;
}

/** `also`: records shown as part of this one (a person's member row), merged by time. */
export function HistoryPanel({ tbl, rowId, also, defaultOpen = false }: { tbl: HistoryTable; rowId: string | null | undefined; also?: (HistorySource | null)[]; defaultOpen?: boolean }) {
  const { t } = useT();
  if (!rowId) return null;
  return (
    <Collapse
      size="small"
      style={{ marginTop: 12 }}
      defaultActiveKey={defaultOpen ? ['h'] : []}
      destroyOnHidden
      items={[{ key: 'h', label: <span data-testid="history-toggle">{t('history.title')}</span>, children: <HistoryTableView tbl={tbl} rowId={rowId} also={(also ?? []).filter((x): x is HistorySource => !!x)} /> }]}
    />
  );
}

function HistoryTableView({ tbl, rowId, also }: { tbl: HistoryTable; rowId: string; also: HistorySource[] }) {
  const { t, lang, label } = useT();
  const h = useApi('history.forRecord', also.length ? { tbl, rowId, with: also } : { tbl, rowId });
  const words = { empty: t('history.empty.value'), yes: t('history.yes'), no: t('history.no') };
  const rows = groupCreations(h.data ?? []);
  const value = (e: HistoryEntry, v: string | null, ref: string | undefined) => {
    const r = readValue(e.col, v, lang, words, ref);
    return r.full ? <Tooltip title={r.full}>{r.text}</Tooltip> : r.text;
  };
  return (
    <div data-testid="history-panel">
      {h.error !== undefined && <Typography.Text type="danger">{errorText(h.error, lang)}</Typography.Text>}
      <Typography.Text type="secondary" data-testid="history-count">{t('history.count', { n: rows.length })}</Typography.Text>
      <Table<Row>
        size="small"
        tableLayout="fixed"
        rowKey="id"
        loading={h.loading}
        dataSource={rows}
        locale={{ emptyText: t('history.empty') }}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
        columns={[
          { title: t('history.col.at'), dataIndex: 'at', width: 160, render: (v: string, e) => (e.id.includes(':') ? null : formatDateTime(v)) }, // a created field: its record's line has the time
          {
            title: t('history.col.field'), width: 100, ellipsis: true,
            render: (_, e) => (e.op === 'delete' ? <Tag color="red">{t('history.op.delete')}</Tag> : e.children ? t('history.record') : e.label[lang]),
          },
          {
            title: t('history.col.change'),
            render: (_, e) => e.children ? (
              <span data-testid="history-change"><Tag color="green">{t('history.op.insert')}</Tag>{t('history.fields', { n: e.children.length })}</span>
            ) : (
              <span data-testid="history-change">
                {e.op === 'insert' ? <Tag color="green">{t('history.op.insert')}</Tag> : <Typography.Text delete type="secondary">{value(e, e.oldValue, e.oldRef)}</Typography.Text>}
                {e.op === 'insert' ? ' ' : ' → '}
                {e.op !== 'delete' && <Typography.Text strong>{value(e, e.newValue, e.newRef)}</Typography.Text>}
                {e.masked && <Tag style={{ marginLeft: 6 }}>{t('history.masked')}</Tag>}
              </span>
            ),
          },
          {
            title: t('history.col.writer'), width: 100, ellipsis: true,
            render: (_, e) => (e.writer ? <Tooltip title={e.writer.role ? label(ROLES, e.writer.role) : undefined}><span data-testid="history-writer">{e.writer.name}</span></Tooltip> : t('history.unknownWriter')),
          },
          { title: t('history.col.device'), dataIndex: 'deviceId', width: 76, render: (v: string) => <Tooltip title={v}><Typography.Text code>{v.slice(-6)}</Typography.Text></Tooltip> },
          { title: t('history.col.via'), dataIndex: 'source', width: 80, render: (v: HistoryEntry['source']) => <Tag color={v === 'app' ? 'blue' : 'purple'}>{t(v === 'app' ? 'history.via.app' : 'history.via.sync')}</Tag> },
        ]}
      />
    </div>
  );
}

type Row = HistoryEntry & { children?: HistoryEntry[] };

/** A created record is one line (its fields folded under it), not one line per field. */
function groupCreations(entries: HistoryEntry[]): Row[] {
  const out: Row[] = [];
  const groups = new Map<string, Row>();
  for (const e of entries) {
    if (e.op !== 'insert') {
      out.push(e);
      continue;
    }
    const key = e.id.split(':')[0]!;
    const g = groups.get(key);
    if (g) g.children!.push(e);
    else {
      const row: Row = { ...e, id: `c${key}`, col: '', children: [e] };
      groups.set(key, row);
      out.push(row);
    }
  }
  return out;
}
