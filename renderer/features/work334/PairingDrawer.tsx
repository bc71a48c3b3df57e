// One 结对共建 agreement: its cadence period by period, the joint meetings counted for it (link
// or unlink one recorded in 组织生活), and the agreement as a printable document (through PrintArea:
// A4, the agreement alone, never the app around it).
import { App, Button, Descriptions, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { CADENCE_UNITS, PAIRING_RATIOS } from '../../../shared/pairing/rules.js';
import type { PairingDetail } from '../../../shared/pairing/types.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { PrintArea, savePdf } from '../../components/PrintArea';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';

const STATE_COLOUR = { kept: 'success', missed: 'error', open: 'processing' } as const;

function AgreementDoc({ p }: { p: PairingDetail }) {
  return (
    <div data-testid="pairing-agreement-print" style={{ padding: '8mm 6mm', fontSize: 14 }}>
      <h2 style={{ textAlign: 'center' }}>{p.title}</h2>
      <p>牵头党组织：{p.orgName}</p>
      <p>结对方（{PAIRING_RATIOS[p.ratio].zh}）：{p.partners.map((x) => x.name).join('、')}</p>
      <p>签约日期：{p.signedOn}{'\u3000'}协议期限：{p.startsOn} 至 {p.endsOn ?? '长期'}</p>
      <p>联席会议：{CADENCE_UNITS[p.cadenceUnit].zh}至少召开 {p.cadenceMin} 次</p>
      <h3>协议内容</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{p.terms}</p>
      <h3>联席会议记录</h3>
      <ol>{p.linked.map((m) => <li key={m.activityId}>{m.heldOn} {m.title}（出席 {m.present} 人）</li>)}</ol>
      <p style={{ marginTop: 48 }}>牵头党组织（盖章）：＿＿＿＿＿＿{'\u3000\u3000'}结对方（盖章）：＿＿＿＿＿＿</p>
    </div>
  );
}

export function PairingDrawer(props: { id: string | null; canWrite: boolean; onClose(changed: boolean): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [changed, setChanged] = useState(false);
  const [pickId, setPickId] = useState<string | undefined>();
  const d = useApi('pairings.get', props.id ? { id: props.id } : null);
  const p = props.id ? d.data : undefined;
  const link = async (activityId: string, unlink: boolean) => {
    try {
      await call('pairings.meeting', { pairingId: props.id!, activityId, unlink });
      setChanged(true);
      setPickId(undefined);
      void d.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const colon = lang === 'zh' ? '：' : ': ';
  return (
    <Drawer open={!!props.id} size={720} title={p?.title ?? ''} data-testid="w3-pairing" destroyOnHidden
      onClose={() => { props.onClose(changed); setChanged(false); }}
      extra={p && <Button icon={<PrinterOutlined />} onClick={() => void savePdf(p.title)} data-testid="w3-pairing-print">{t('w3.print')}</Button>}>
      {p && (
        <>
          <PrintArea><AgreementDoc p={p} /></PrintArea>
          <Descriptions size="small" column={2} bordered items={[
            { key: 'org', label: t('w3.leadOrg'), children: p.orgName },
            { key: 'ratio', label: t('w3.ratio'), children: PAIRING_RATIOS[p.ratio][lang] },
            { key: 'partners', label: t('w3.partners'), span: 2, children: p.partners.map((x) => x.name).join(lang === 'zh' ? '、' : ', ') },
            { key: 'cadence', label: t('w3.cadence'), children: t('w3.cadenceText', { unit: CADENCE_UNITS[p.cadenceUnit][lang], n: p.cadenceMin }) },
            { key: 'kept', label: t('w3.state'), children: p.kept ? <Tag color="success">{t('w3.kept')}</Tag> : <Tag color="error">{t('w3.notKept')}</Tag> },
            { key: 'terms', label: t('w3.terms'), span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.terms}</Typography.Paragraph> },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('w3.periods')}</Typography.Title>
          <Space wrap data-testid="w3-periods">
            {p.periods.map((x) => <Tag key={x.key} color={STATE_COLOUR[x.state]}>{x.key}{colon}{t(`w3.period.${x.state}`)}（{x.held}）</Tag>)}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('w3.linked')}</Typography.Title>
          {props.canWrite && (
            <Space style={{ marginBottom: 8 }}>
              <Select style={{ width: 360 }} placeholder={t('w3.link')} aria-label={t('w3.link')} value={pickId} onChange={setPickId}
                options={p.candidates.map((c) => ({ value: c.activityId, label: `${c.heldOn} ${c.title}` }))} notFoundContent={t('w3.linkHint')} />
              <Button type="primary" disabled={!pickId} onClick={() => pickId && link(pickId, false)}>{t('w3.link')}</Button>
            </Space>
          )}
          <Table size="small" rowKey="activityId" pagination={false} dataSource={p.linked} columns={[
            { title: t('w3.heldOn'), dataIndex: 'heldOn', width: 110 },
            { title: t('w3.meetings'), dataIndex: 'title' },
            { title: '', dataIndex: 'present', width: 90, render: (n: number) => t('w3.present', { n }) },
            { title: '', key: 'x', width: 90, render: (_: unknown, m) => props.canWrite && <Button size="small" onClick={() => link(m.activityId, true)}>{t('w3.unlink')}</Button> },
          ]} />
        </>
      )}
    </Drawer>
  );
}
