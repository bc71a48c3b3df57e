// The user's open three-lists items beside 待办 on the 工作台: what they own and have not finished.
import { Card, Empty, List, Tag, Typography } from 'antd';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { ITEM_KINDS_L, ITEM_STATUSES_L } from './labels';

export function MyItemsCard() {
  const { t, label } = useT();
  const list = useApi('rectification.list', { mine: true, limit: 200 });
  const open = (list.data?.rows ?? []).filter((r) => r.status === 'open' || r.status === 'in_progress');
  return (
    <Card size="small" style={{ marginTop: 12 }} title={t('as.myItems', { n: open.length })} data-testid="my-items">
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('as.myItemsNone')} />
      ) : (
        <List size="small" dataSource={open} renderItem={(r) => (
          <List.Item>
            <Tag>{label(ITEM_KINDS_L, r.kind)}</Tag>
            <Typography.Text style={{ flex: 1 }}>{r.title}</Typography.Text>
            <Tag>{label(ITEM_STATUSES_L, r.status)}</Tag>
            <Typography.Text type={r.overdueDays > 0 ? 'danger' : 'secondary'}>{r.overdueDays > 0 ? t('as.overdue', { n: r.overdueDays }) : r.dueOn ?? ''}</Typography.Text>
          </List.Item>
        )} />
      )}
    </Card>
  );
}
