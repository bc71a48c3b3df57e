import { App, Button, Col, DatePicker, Divider, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { MOBILITY, STANDINGS } from '../../../shared/domain/enums.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { HistoryTimeline } from './record/HistoryTimeline';
import { useRegText } from './text';
import type { PersonDetail } from '../../../shared/people/personTypes.js';

type Kind = 'standing' | 'mobility' | 'lost_contact' | 'probation';

/** A person's history (standing, mobility, lost contact, status, stage, branch, merges) and, for members, a change to record. */
export function PersonLifecycle({ person, onChanged }: { person: PersonDetail; onChanged(p: PersonDetail): void }) {
  const r = useRegText();
  const { options, lang } = useT();
  const { message } = App.useApp();
  const history = useApi('people.history', { personId: person.id });
  const [kind, setKind] = useState<Kind>('standing');
  const [on, setOn] = useState<Dayjs | null>(() => dayjs(todayInBeijing()));
  const [value, setValue] = useState<string | undefined>();
  const [lost, setLost] = useState(!person.member?.lostContact);
  const [destination, setDestination] = useState('');
  const [cardNo, setCardNo] = useState('');
  const [reason, setReason] = useState('');
  const [months, setMonths] = useState<number | null>(6);
  const [busy, setBusy] = useState(false);

  const record = async () => {
    const date = on?.format('YYYY-MM-DD') ?? '';
    const change =
      kind === 'mobility'
        ? { kind, mobility: (value ?? 'none') as 'none', on: date, destination: destination || null, cardNo: cardNo || null, reason: reason || null }
        : kind === 'lost_contact'
          ? { kind, lost, on: date, reason: reason || null }
          : { kind: 'standing' as const, standing: (value ?? 'normal') as 'normal', on: date, reason: reason || null };
    setBusy(true);
    try {
      // the one extension of a probation (6–12 months, refused a second time) is recorded on the membership
      const p =
        kind === 'probation'
          ? (await call('members.extendProbation', { personId: person.id, decidedOn: date, months: months ?? 0, reason }), await call('people.get', { id: person.id }))
          : await call('members.recordChange', { personId: person.id, change });
      message.success(lang === 'en' ? 'Recorded' : '已记录');
      setReason('');
      onChanged(p);
      void history.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {person.member && (
        <>
          <Divider titlePlacement="start">{r('change')}</Divider>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Radio.Group value={kind} onChange={(e) => { setKind(e.target.value as Kind); setValue(undefined); }} optionType="button" size="small"
              options={[
                { value: 'standing', label: r('change.standing') }, { value: 'mobility', label: r('change.mobility') }, { value: 'lost_contact', label: r('change.lost') },
                ...(person.politicalStatus === 'probationary' ? [{ value: 'probation', label: r('change.probation') }] : []),
              ]} />
            <Row gutter={8}>
              {kind === 'standing' && <Col span={6}><Select style={{ width: '100%' }} value={value} onChange={setValue} options={options(STANDINGS)} placeholder={r('change.standing')} /></Col>}
              {kind === 'mobility' && (
                <>
                  <Col span={5}><Select style={{ width: '100%' }} value={value} onChange={setValue} options={options(MOBILITY)} placeholder={r('change.mobility')} /></Col>
                  <Col span={7}><Input value={destination} onChange={(e) => setDestination(e.target.value)} placeholder={r('change.destination')} maxLength={100} /></Col>
                  <Col span={6}><Input value={cardNo} onChange={(e) => setCardNo(e.target.value)} placeholder={r('change.card')} maxLength={40} /></Col>
                </>
              )}
              {kind === 'lost_contact' && (
                <Col span={8}><Radio.Group value={lost} onChange={(e) => setLost(e.target.value as boolean)} options={[{ value: true, label: r('change.lostYes') }, { value: false, label: r('change.lostNo') }]} /></Col>
              )}
              {kind === 'probation' && (
                <Col span={6}><InputNumber style={{ width: '100%' }} value={months} onChange={setMonths} min={1} max={24} precision={0} addonAfter={r('change.months')} data-testid="probation-months" /></Col>
              )}
              <Col span={6}><DatePicker style={{ width: '100%' }} value={on} onChange={setOn} placeholder={r(kind === 'probation' ? 'change.decidedOn' : 'change.on')} /></Col>
            </Row>
            <Space.Compact style={{ width: '100%' }}>
              <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={r('change.reason')} maxLength={200} />
              <Button type="primary" loading={busy} onClick={record}>{r('change.save')}</Button>
            </Space.Compact>
          </Space>
        </>
      )}
      <Divider titlePlacement="start">{r('history')}</Divider>
      <HistoryTimeline entries={history.data} />
    </>
  );
}
