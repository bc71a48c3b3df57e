// One outlet's dual-track scorecard: every indicator with its raw value, score, weight, points and
// where the number came from; county organisers and HQ enter the business values here by hand.
import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { BUSINESS_KEYS, BUSINESS_RANGES, DUAL_LABELS, isBusinessKey, type BusinessKey } from '../../../../shared/assessment/dualTrack.js';
import type { IndicatorLine } from '../../../../shared/assessment/dualTrackApi.js';
import { CHANNEL_TYPES } from '../../../../shared/domain/enums.js';
import { call } from '../../../api/client';
import { LightDot } from '../../../components/LightDot';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';

const ENTERERS = new Set(['county_organiser', 'hq_admin']);
type Entry = Partial<Record<BusinessKey, number | null>> & { note?: string | null };

const rawText = (l: IndicatorLine) => {
  if (l.raw === null) return '—';
  if (l.key === 'org_life') return `${(l.raw * 100).toFixed(1)}%`;
  return String(l.raw);
};
const one = (x: number | null) => (x === null ? '—' : x.toFixed(1));

export function OutletCardDrawer(props: { outletId: string | null; period: string; periodText: string; onClose(changed: boolean): void }) {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const session = useApi('session.info', {});
  const card = useApi('assessment.outletCard', props.outletId ? { outletId: props.outletId, period: props.period } : null);
  const [form] = Form.useForm<Entry>();
  const [changed, setChanged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const c = card.data && card.data.outletId === props.outletId ? card.data : undefined;
  useEffect(() => {
    if (!c) return;
    form.setFieldsValue(Object.fromEntries(BUSINESS_KEYS.map((k) => [k, c.indicators.find((i) => i.key === k)?.raw ?? null])));
  }, [c]);
  const canEnter = ENTERERS.has(session.data?.role ?? '');
  const save = async (v: Entry) => {
    if (!props.outletId) return;
    try {
      setError(null);
      const values = Object.fromEntries(BUSINESS_KEYS.map((k) => [k, v[k] ?? null]));
      await call('assessment.business.save', { outletId: props.outletId, period: props.period, values, note: v.note || null });
      message.success(t('dt.saved'));
      setChanged(true);
      void card.reload();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  const name = (k: string) => (lang === 'zh' ? DUAL_LABELS[k as BusinessKey].zh : DUAL_LABELS[k as BusinessKey].en);
  const unit = (k: BusinessKey) => (lang === 'zh' ? DUAL_LABELS[k].unitZh : DUAL_LABELS[k].unitEn);
  return (
    <Drawer open={!!props.outletId} size={900} data-testid="dt-card" onClose={() => { props.onClose(changed); setChanged(false); setError(null); }}
      title={c ? `${c.outletName} · ${props.periodText}` : ''}>
      {card.error && <Alert type="error" showIcon title={errorText(card.error, lang)} />}
      {c && (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 8 }} items={[
            { key: 'ch', label: t('dt.channel'), children: label(CHANNEL_TYPES, c.channelType) },
            { key: 'org', label: t('dt.org'), children: c.orgName ?? '—' },
            { key: 'cs', label: t('dt.composite'), children: <Space><b data-testid="dt-composite">{one(c.composite)}</b><LightDot light={c.light} /></Space> },
          ]} />
          {c.renormalised && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('dt.renormalised', { n: c.missing.length })} />}
          <Table<IndicatorLine> size="small" rowKey="key" pagination={false} dataSource={c.indicators} columns={[
            { title: t('dt.track'), key: 'track', width: 60, render: (_: unknown, r) => (isBusinessKey(r.key) ? t('dt.business') : t('dt.party')) },
            { title: t('dt.indicator'), dataIndex: 'key', width: 130, render: name },
            { title: t('dt.raw'), key: 'raw', width: 80, render: (_: unknown, r) => rawText(r) },
            { title: t('dt.score'), dataIndex: 'score', width: 60, render: one },
            { title: t('dt.weight'), dataIndex: 'weight', width: 60, render: (w: number) => `${w}%` },
            { title: t('dt.effective'), dataIndex: 'effectiveWeight', width: 76, render: (w: number) => `${w}%` },
            { title: t('dt.points'), dataIndex: 'points', width: 66, render: one },
            { title: t('dt.source'), key: 'src', render: (_: unknown, r) => <Typography.Text type={r.raw === null ? 'warning' : undefined} style={{ fontSize: 12 }}>{lang === 'zh' ? r.source.zh : r.source.en}</Typography.Text> },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('dt.entry', { period: props.periodText })}</Typography.Title>
          {!canEnter ? <Alert type="info" showIcon title={t('dt.noEntry')} /> : (
            <Form form={form} layout="vertical" onFinish={save}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('dt.entryHint')} {t('dt.importLater')}</Typography.Paragraph>
              {error && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} data-testid="dt-error" />}
              <Space wrap align="start">
                {BUSINESS_KEYS.map((k) => (
                  <Form.Item key={k} name={k} label={lang === 'zh' ? `${name(k)}（${unit(k)}）` : `${name(k)} (${unit(k)})`} style={{ marginBottom: 8 }}>
                    <InputNumber style={{ width: 190 }} placeholder={`${BUSINESS_RANGES[k].min} – ${BUSINESS_RANGES[k].max}`} aria-label={name(k)} />
                  </Form.Item>
                ))}
              </Space>
              <Form.Item name="note" label={t('dt.note')} style={{ marginBottom: 8 }}><Input maxLength={500} /></Form.Item>
              <Button type="primary" htmlType="submit">{t('dt.saveEntry')}</Button>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}
