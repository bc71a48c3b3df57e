// 工作台: the scope's counts, this month's lights at a glance, 待办 and outlets by channel type. A coloured count says on hover what
// it counts and why it is coloured (field trial: badges nobody could explain).
import { Alert, Card, Col, Empty, Row, Space, Statistic, Table, Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { CHANNEL_TYPES } from '../../../shared/domain/enums.js';
import { useApi } from '../../components/useApi';
import { errorText } from '../../components/formErrors';
import { useT } from '../../i18n';
import { DueList } from '../orglife';
import { LightsGlanceCard, MyItemsCard } from '../assessment';

export function DashboardPage() {
  const { t, label, lang } = useT();
  const { data, error, loading } = useApi('overview.stats', {});
  if (error) return <Alert type="error" showIcon message={errorText(error, lang)} />;
  if (data && data.outlets === 0 && data.people === 0) return <Empty description={t('dash.empty')} />;
  const stats: [string, number | undefined, string?, string?][] = [
    [t('dash.counties'), data?.counties],
    [t('dash.outlets'), data?.outlets],
    [t('dash.outletsWithMembers'), data?.outletsWithMembers],
    [t('dash.people'), data?.people],
    [t('dash.members'), data?.members],
    [t('dash.probationary'), data?.probationary],
    [t('dash.partyOrgs'), data?.partyOrgs],
    [t('dash.uncovered'), data?.outletsWithoutCoverage, '#cf1322', t('dash.uncoveredHint')],
    [t('dash.noInstructor'), data?.outletsWithoutInstructor, '#d48806', t('dash.noInstructorHint')],
  ];
  return (
    <>
      <Row gutter={[12, 12]}>
        {stats.map(([title, value, color, hint]) => (
          <Col key={title} xs={12} md={8} xl={6} xxl={4}>
            <Card size="small" loading={loading && !data}>
              <Statistic
                title={hint ? <Tooltip title={hint}><Space size={4}>{title}<QuestionCircleOutlined aria-label={hint} /></Space></Tooltip> : title}
                value={value ?? 0}
                styles={color && value ? { content: { color } } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <LightsGlanceCard />
      <DueList />
      <MyItemsCard />
      <Card size="small" title={t('dash.byType')} style={{ marginTop: 12 }}>
        <Table
          size="small"
          pagination={false}
          rowKey="channelType"
          dataSource={data?.byChannelType ?? []}
          columns={[
            { title: lang === 'zh' ? '渠道类型' : 'Channel type', dataIndex: 'channelType', render: (v: string) => label(CHANNEL_TYPES, v) },
            { title: t('dash.outlets'), dataIndex: 'outlets', align: 'right' },
            { title: t('dash.members'), dataIndex: 'members', align: 'right' },
          ]}
        />
      </Card>
    </>
  );
}
