// 复盘复训: the scope's reviews with their data comparison, analysis, cases and findings; a
// training need takes the retraining session (an activity held, with its attendance).
import { App, Button, Descriptions, List, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { FINDING_KINDS, REVIEW_KINDS } from '../../../shared/reviews/rules.js';
import type { FindingRow, ReviewRow } from '../../../shared/reviews/types.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { Comparison } from './Comparison';
import { ReviewForm } from './ReviewForm';

function Finding({ f, canWrite, sessions, onDone }: { f: FindingRow; canWrite: boolean; sessions: { value: string; label: string }[]; onDone(): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [pick, setPick] = useState<string | undefined>();
  const retrain = async () => {
    try {
      await call('reviews.retrain', { findingId: f.id, activityId: pick! });
      onDone();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <List.Item>
      <Space wrap>
        <Tag color={f.kind === 'item' ? 'orange' : 'blue'}>{FINDING_KINDS[f.kind][lang]}</Tag>
        <span>{f.text}</span>
        {f.ownerName && <Typography.Text type="secondary">{f.ownerName}</Typography.Text>}
        {f.training && <Tag color="success">{t('w3.retrained', { title: f.training.title, n: f.training.present })}</Tag>}
        {f.kind === 'training' && !f.training && canWrite && (
          <>
            <Select style={{ width: 260 }} size="small" placeholder={t('w3.pickSession')} aria-label={t('w3.pickSession')} value={pick} onChange={setPick} options={sessions} />
            <Button size="small" disabled={!pick} onClick={retrain}>{t('w3.retrain')}</Button>
          </>
        )}
      </Space>
    </List.Item>
  );
}

export function ReviewsTab(props: { canWrite: boolean }) {
  const { t, lang } = useT();
  const [adding, setAdding] = useState(false);
  const list = useApi('reviews.list', { limit: 100 });
  const acts = useApi('activities.list', props.canWrite ? { status: 'held', limit: 100, offset: 0 } : null);
  const sessions = (acts.data?.rows ?? []).map((a) => ({ value: a.id, label: `${a.heldOn} ${a.title}` }));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {props.canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('w3.newReview')}</Button>}
      </Space>
      <Table<ReviewRow> size="small" rowKey="id" dataSource={list.data?.rows ?? []} data-testid="w3-reviews" pagination={{ pageSize: 10, size: 'small' }}
        expandable={{
          expandedRowRender: (r) => (
            <>
              <Comparison data={r.data} />
              <Descriptions size="small" column={1} items={[{ key: 'a', label: t('w3.analysis'), children: r.analysis }, { key: 'c', label: t('w3.cases'), children: r.cases || '—' }]} />
              <List size="small" header={t('w3.findings')} dataSource={r.findings} renderItem={(f) => <Finding f={f} canWrite={props.canWrite} sessions={sessions} onDone={() => void list.reload()} />} />
            </>
          ),
        }}
        columns={[
          { title: t('w3.period'), dataIndex: 'periodKey', width: 100 },
          { title: t('w3.kind'), dataIndex: 'kind', width: 130, render: (k: ReviewRow['kind']) => REVIEW_KINDS[k][lang] },
          { title: t('w3.reviewSubject'), dataIndex: 'subjectName', ellipsis: true },
          { title: t('w3.lightsRYG'), key: 'l', width: 130, render: (_: unknown, r) => `${r.data.lights.red} / ${r.data.lights.yellow} / ${r.data.lights.green}` },
          { title: t('w3.nodesMissedLate'), key: 'n', width: 170, render: (_: unknown, r) => `${r.data.nodes.missed} / ${r.data.nodes.late}` },
          { title: t('w3.findings'), key: 'f', width: 90, render: (_: unknown, r) => r.findings.length },
          { title: t('w3.createdBy'), dataIndex: 'createdBy', width: 100 },
        ]} />
      <ReviewForm open={adding} onClose={(saved) => {
        setAdding(false);
        if (saved) void list.reload();
      }} />
    </>
  );
}
