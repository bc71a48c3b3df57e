// A player's quiz points (apart from member points): the ledger with what the daily cap cut and
// what a refused redemption returned, the rewards HQ offers, and the player's requests.
import { App, Button, Card, Col, Empty, List, Modal, Row, Statistic, Table, Tag } from 'antd';
import type { LedgerLine } from '../../../shared/quiz/ledger.js';
import { refusalText } from '../../../shared/quiz/refusals.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { formatDay } from '../../components/formatDate';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';

const STATUS_COLOUR = { requested: 'blue', approved: 'green', refused: 'orange' } as const;

export function PointsPanel({ personId }: { personId: string }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const ledger = useApi('quiz.ledger', { personId });
  const rewards = useApi('quiz.rewards', {});
  const mine = useApi('quiz.redemptions', { personId });

  const redeem = (r: { id: string; name: string; nameEn: string; price: number }) =>
    Modal.confirm({
      title: t('quiz.redeem'), content: t('quiz.redeemConfirm', { price: r.price, name: lang === 'en' ? r.nameEn : r.name }),
      onOk: async () => {
        try {
          await call('quiz.redeem', { personId, rewardId: r.id });
          message.success(t('quiz.redeemSent'));
          void ledger.reload();
          void mine.reload();
        } catch (e) {
          message.error(errorText(e, lang));
        }
      },
    });

  const item = (l: LedgerLine) =>
    l.kind === 'earned' ? t('quiz.line.earned') : l.kind === 'capped' ? t('quiz.line.capped') : l.kind === 'redeem' ? t('quiz.line.redeem', { name: l.note }) : l.kind === 'held' ? t('quiz.line.held', { name: l.note }) : t('quiz.line.refund', { reason: refusalText(l.note, lang) });

  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card title={t('quiz.ledger')} extra={<Statistic value={ledger.data?.balance ?? 0} prefix={`${t('quiz.balance')}${lang === 'en' ? ': ' : '：'}`} valueStyle={{ color: '#c8102e', fontSize: 22 }} />}>
          <Table
            size="small" rowKey="ref" loading={ledger.loading} dataSource={ledger.data?.lines ?? []} pagination={{ pageSize: 8 }}
            columns={[
              { title: t('quiz.col.when'), dataIndex: 'day', width: 110 },
              { title: t('quiz.col.item'), render: (_, l) => item(l) },
              { title: t('quiz.col.points'), align: 'right', width: 80, render: (_, l) => (l.kind === 'capped' ? <span style={{ color: '#999' }}>({l.points})</span> : l.points > 0 ? `+${l.points}` : l.points) },
            ]}
          />
        </Card>
      </Col>
      <Col span={12}>
        <Card title={t('quiz.rewards')} style={{ marginBottom: 16 }}>
          {!rewards.data?.length ? <Empty description={t('quiz.noRewards')} /> : (
            <List
              dataSource={rewards.data}
              renderItem={(r) => (
                <List.Item actions={[<Button key="r" type="primary" disabled={r.stock <= 0 || (ledger.data?.balance ?? 0) < r.price} onClick={() => redeem(r)}>{t('quiz.redeem')}</Button>]}>
                  <List.Item.Meta title={lang === 'en' ? r.nameEn : r.name} description={<><Tag color="red">{t('quiz.price', { n: r.price })}</Tag><Tag>{t('quiz.stock', { n: r.stock })}</Tag>{r.description}</>} />
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card title={t('quiz.redemptions')} data-testid="quiz-redemptions">
          <Table
            size="small" rowKey="id" loading={mine.loading} dataSource={mine.data ?? []} pagination={false}
            columns={[
              { title: t('quiz.col.when'), render: (_, r) => formatDay(r.requestedAt), width: 110 },
              { title: t('quiz.col.item'), dataIndex: 'rewardName' },
              { title: t('quiz.col.points'), dataIndex: 'price', width: 70, align: 'right' },
              { title: '', width: 190, render: (_, r) => <><Tag color={STATUS_COLOUR[r.status]}>{t(`quiz.status.${r.status}`)}</Tag>{r.status === 'refused' && r.reason ? <div style={{ fontSize: 12 }}>{refusalText(r.reason, lang)}</div> : null}</> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
