// 双轨考核权重与评分分段: `assessment.dual_track` on screen — the weights of the eight indicators per
// channel type with the party share and total beside them, the party floor, each indicator's cut
// points and the task-force points. Checked with the backend's own rule before saving (so a refusal
// reads the same and nothing is sent); the backend checks again.
import { Alert, App, Button, Card, InputNumber, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { DUAL_KEYS, DUAL_LABELS, PARTY_KEYS, dualTrackSettings, partyShare, type ChannelType, type DualKey, type DualTrackSettings as Settings } from '../../../../shared/assessment/dualTrack.js';
import type { FieldIssue } from '../../../../shared/core/errors.js';
import { CHANNEL_TYPES } from '../../../../shared/domain/enums.js';
import { useT } from '../../../i18n';
import { useSaveSetting } from './useSaveSetting';

const CHANNELS = Object.keys(CHANNEL_TYPES) as ChannelType[];
const total = (w: Record<DualKey, number>) => DUAL_KEYS.reduce((n, k) => n + w[k], 0);

export function DualTrackSettings({ raw, editable, onSaved }: { raw: Record<string, unknown>; editable: boolean; onSaved(): void }) {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Settings>(() => structuredClone(dualTrackSettings(raw['assessment.dual_track'])));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  useEffect(() => setDraft(structuredClone(dualTrackSettings(raw['assessment.dual_track']))), [raw]);
  const save = useSaveSetting(setIssues);
  const edit = (f: (d: Settings) => void) => setDraft((d) => {
    const next = structuredClone(d);
    f(next);
    return next;
  });
  const bad = new Set(issues.map((i) => i.path));
  const num = (value: number, onChange: (v: number) => void, aria: string, opts: { min?: number; max?: number; width?: number } = {}) => (
    <InputNumber size="small" value={value} disabled={!editable} min={opts.min} max={opts.max} style={{ width: opts.width ?? 62 }} aria-label={aria} controls={false}
      onChange={(v) => onChange(v ?? 0)} />
  );
  const short = (k: DualKey) => (lang === 'zh' ? DUAL_LABELS[k].zh : DUAL_LABELS[k].en);
  return (
    <Card size="small" title={t('av.dtTitle')} data-testid="as-dual-settings">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('av.dtIntro')}</Typography.Paragraph>
      {issues.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} data-testid="as-dual-issues" title={t('av.refused')}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{issues.map((i) => <li key={i.path + i.message}>{lang === 'en' ? i.messageEn : i.message}</li>)}</ul>} />
      )}
      <Table size="small" pagination={false} rowKey="c" dataSource={CHANNELS.map((c) => ({ c }))} scroll={{ x: 960 }}
        rowClassName={(r) => (bad.has(`weights.${r.c}`) ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('av.channel'), dataIndex: 'c', width: 120, fixed: 'left', render: (c: ChannelType) => label(CHANNEL_TYPES, c) },
          ...DUAL_KEYS.map((k) => ({
            key: k, width: 74, title: <Typography.Text style={{ fontSize: 12 }} type={(PARTY_KEYS as readonly string[]).includes(k) ? undefined : 'secondary'}>{short(k)}</Typography.Text>,
            render: (_: unknown, r: { c: ChannelType }) => num(draft.weights[r.c][k], (v) => edit((d) => { d.weights[r.c][k] = v; }), `${label(CHANNEL_TYPES, r.c)} ${short(k)}`, { min: 0, max: 100 }),
          })),
          { title: t('av.partyShare'), key: 'p', width: 70, render: (_: unknown, r: { c: ChannelType }) => {
            const p = partyShare(draft.weights[r.c]);
            return <Typography.Text type={p < draft.minParty[r.c] ? 'danger' : undefined} data-testid={`party-${r.c}`}>{p}%</Typography.Text>;
          } },
          { title: t('av.total'), key: 's', width: 64, render: (_: unknown, r: { c: ChannelType }) => {
            const s = total(draft.weights[r.c]);
            return <Typography.Text type={Math.abs(s - 100) > 1e-9 ? 'danger' : undefined} data-testid={`total-${r.c}`}>{s}%</Typography.Text>;
          } },
          { title: t('av.floor'), key: 'f', width: 76, render: (_: unknown, r: { c: ChannelType }) =>
            num(draft.minParty[r.c], (v) => edit((d) => { d.minParty[r.c] = v; }), `${label(CHANNEL_TYPES, r.c)} ${t('av.floor')}`, { min: 0, max: 100 }) },
        ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('av.curves')}</Typography.Title>
      <Table size="small" pagination={false} rowKey="k" dataSource={DUAL_KEYS.map((k) => ({ k }))}
        rowClassName={(r) => (bad.has(`scoring.${r.k}`) ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('as.title'), dataIndex: 'k', width: 190, render: (k: DualKey) => `${short(k)}（${lang === 'zh' ? DUAL_LABELS[k].unitZh : DUAL_LABELS[k].unitEn}）` },
          { title: t('av.curves'), key: 'c', render: (_: unknown, r: { k: DualKey }) => (
            <Space wrap size={[10, 4]}>
              {draft.scoring[r.k].map(([x, y], i) => (
                <Space.Compact key={i}>
                  {num(x, (v) => edit((d) => { d.scoring[r.k][i]![0] = v; }), `${short(r.k)} ${i + 1} raw`, { width: 64 })}
                  <span style={{ padding: '0 4px' }}>→</span>
                  {num(y, (v) => edit((d) => { d.scoring[r.k][i]![1] = v; }), `${short(r.k)} ${i + 1} score`, { min: 0, max: 100, width: 54 })}
                  {editable && draft.scoring[r.k].length > 2 && (
                    <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('av.removePoint')} onClick={() => edit((d) => { d.scoring[r.k].splice(i, 1); })} />
                  )}
                </Space.Compact>
              ))}
              {editable && draft.scoring[r.k].length < 12 && (
                <Button size="small" icon={<PlusOutlined />} aria-label={`${short(r.k)} ${t('av.addPoint')}`}
                  onClick={() => edit((d) => { const last = d.scoring[r.k][d.scoring[r.k].length - 1]!; d.scoring[r.k].push([last[0] + 1, last[1]]); })} />
              )}
            </Space>
          ) },
        ]} />
      <Space style={{ marginTop: 12 }}>
        <span>{t('av.taskForce')}</span>
        {num(draft.taskForcePoints, (v) => edit((d) => { d.taskForcePoints = v; }), t('av.taskForce'), { min: 0, max: 100 })}
        {editable && (
          <Button type="primary" data-testid="as-dual-save" onClick={async () => {
            if (await save('assessment.dual_track', draft)) {
              message.success(t('av.saved'));
              onSaved();
            }
          }}>{t('av.save')}</Button>
        )}
      </Space>
    </Card>
  );
}

