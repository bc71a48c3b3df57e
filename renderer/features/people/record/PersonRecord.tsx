// Opening a person shows their record (who they are, their standing and its history, probation, the
// organisational life they took part in); 编辑 opens the form over it, and saving comes back to the
// record with the change. Registering a new person is the form alone, as before.
import { EditOutlined } from '@ant-design/icons';
import { Button, Divider, Drawer, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { POLITICAL_STATUS } from '../../../../shared/domain/enums.js';
import { formatDateTime } from '../../../components/formatDate';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { PersonForm } from '../PersonForm';
import { useRegText } from '../text';
import { HistoryPanel } from '../../history';
import { AttendedTable, HostedTable } from './ActivityTables';
import { HistoryTimeline } from './HistoryTimeline';
import { PointsTable } from './PointsTable';
import { RecordSummary } from './RecordSummary';
import type { PersonRecord as RecordData } from '../../../../shared/people/recordTypes.js';
import { StandingTags } from './StandingTags';

export function PersonRecord(props: { open: boolean; personId?: string; onClose(changed?: boolean): void }) {
  const { t } = useT();
  const id = props.personId;
  const [editing, setEditing] = useState(false);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    setEditing(props.open && !props.personId);
    setChanged(false);
  }, [props.open, props.personId]);
  const record = useApi('people.record', props.open && id ? { id } : null);
  // The drawer stays mounted between people: never show the previous person's record while loading.
  const data = record.data?.person.id === id ? record.data : undefined;
  const close = () => props.onClose(changed);

  return (
    <>
      {id && (
        <Drawer
          open={props.open}
          size={960}
          title={data ? <Title record={data} /> : null}
          onClose={close}
          destroyOnHidden
          extra={<Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!data}>{t('common.edit')}</Button>}
        >
          <Body record={data} error={record.error} />
        </Drawer>
      )}
      <PersonForm
        open={props.open && editing}
        personId={id}
        onClose={(saved) => {
          setEditing(false);
          if (!id) return props.onClose(!!saved);
          if (saved) setChanged(true);
          // The form also records changes of standing on the spot: the record is read again either way.
          void record.reload();
        }}
      />
    </>
  );
}

function Title({ record }: { record: RecordData }) {
  const { label } = useT();
  return (
    <Space>
      <span data-testid="record-name">{record.person.name}</span>
      <Tag color={record.person.member ? 'red' : undefined}>{label(POLITICAL_STATUS, record.person.politicalStatus)}</Tag>
      {record.person.member && <StandingTags personId={record.person.id} />}
    </Space>
  );
}

function Body({ record, error }: { record: RecordData | undefined; error: unknown }) {
  const { t, lang } = useT();
  const r = useRegText();
  if (error) return <Typography.Text type="danger">{errorText(error, lang)}</Typography.Text>;
  if (!record) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const a = record.attendance;
  const attended = a.present + a.absent + a.excused;
  // Points (党员积分) are kept for Party members only: others have no ledger to show.
  return (
    <>
      <RecordSummary record={record} />
      <Divider titlePlacement="start">{r('history')}</Divider>
      <HistoryTimeline entries={record.history} />
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'attended', label: t('person.attendedTab', { n: attended }),
            children: (
              <>
                <Typography.Text type="secondary" data-testid="record-attendance-counts">{t('person.attendedCounts', { ...a })}</Typography.Text>
                <AttendedTable personId={record.person.id} />
              </>
            ),
          },
          { key: 'hosted', label: t('person.hostedTab', { n: record.hostedCount }), children: <HostedTable personId={record.person.id} /> },
          ...(record.person.member ? [{ key: 'points', label: t('person.pointsTab'), children: <PointsTable personId={record.person.id} /> }] : []),
        ]}
      />
      <Typography.Text type="secondary">{t('person.updated', { at: formatDateTime(record.person.updatedAt) })}</Typography.Text>
      <HistoryPanel tbl="people" rowId={record.person.id} also={[record.person.member ? { tbl: 'members', rowId: record.person.member.id } : null]} />
    </>
  );
}
