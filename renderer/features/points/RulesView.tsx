// The rules in force (reference data, keys points.*): items with value and yearly cap, base, grade
// bands, objection window, who gets the three lists and in how many days they rectify, and HQ's
// bounds. County organisers adjust values, caps, the base and the rectification window within those
// bounds (checked here and again by the backend, which stores nothing it refuses).
import { Alert, App, Button, Descriptions, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ACTIVITY_TYPES } from '../../../shared/domain/enums.js';
import { ITEM_KINDS, boundIssues, rectifyDaysIssue, type PointsItem } from '../../../shared/points/settings.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';

export function RulesView() {
  const { t, lang, label } = useT();
  const { message } = App.useApp();
  const rules = useApi('points.rules', {});
  const [draft, setDraft] = useState<{ items: PointsItem[]; base: number; rectifyDays: number | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const s = rules.data?.settings;
  if (!s) return null;
  const g = s.grades;
  const b = s.bounds;
  const rectifyIssue = draft ? rectifyDaysIssue(draft.rectifyDays) : null;
  const issues = draft ? [...boundIssues(draft.items, draft.base, b), ...(rectifyIssue ? [rectifyIssue] : [])] : [];
  const autoText = (i: PointsItem) =>
    i.auto ? t(i.auto.from === 'attendance' ? 'points.rules.autoAttendance' : i.auto.from === 'quiz' ? 'points.rules.autoQuiz' : 'points.rules.autoLecturer', { types: i.auto.types.map((x) => label(ACTIVITY_TYPES, x)).join(lang === 'en' ? ', ' : '、') }) : t('points.rules.manual');
  const setItem = (key: string, patch: Partial<PointsItem>) => setDraft((d) => d && { ...d, items: d.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) });
  const save = async () => {
    if (!draft || issues.length) return;
    setBusy(true);
    try {
      // The window first: the backend refusing it leaves the rest unstored too.
      if (draft.rectifyDays !== s.rectifyDays) await call('settings.set', { key: 'points.rectifyDays', value: draft.rectifyDays });
      // Unchanged items and base are not written, so a new window alone does not mark the rules as adjusted here.
      if (JSON.stringify(draft.items) !== JSON.stringify(s.items)) await call('settings.set', { key: 'points.items', value: draft.items });
      if (draft.base !== s.base) await call('settings.set', { key: 'points.base', value: draft.base });
      message.success(t('points.rules.saved'));
      setDraft(null);
      await rules.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const editing = draft !== null;
  const items = draft?.items ?? s.items;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('points.rules.source')}>{rules.data!.isLocal ? t('points.rules.local') : t('points.rules.default')}</Descriptions.Item>
        <Descriptions.Item label={t('points.rules.base')}>
          {editing ? <InputNumber aria-label={t('points.rules.base')} value={draft.base} onChange={(v) => setDraft({ ...draft, base: v ?? 0 })} /> : s.base}
        </Descriptions.Item>
        <Descriptions.Item label={t('points.rules.grades')}>{t('points.rules.gradeLine', { e: g.excellent, e1: g.excellent - 1, g: g.good, g1: g.good - 1, p: g.pass, p2: g.pass })}</Descriptions.Item>
        <Descriptions.Item label={t('points.rules.window')}>{t('points.rules.windowDays', { n: s.objectionDays })}</Descriptions.Item>
        <Descriptions.Item label={t('points.rules.rectify')}>
          {editing
            ? <InputNumber aria-label={t('points.rules.rectify')} data-testid="points-rectify-days" status={rectifyIssue ? 'error' : undefined} value={draft.rectifyDays} onChange={(v) => setDraft({ ...draft, rectifyDays: v })} />
            : t('points.rules.rectifyDays', { n: s.rectifyDays })}
        </Descriptions.Item>
        <Descriptions.Item label={t('points.rules.lowest')}>{t('points.rules.lowestLine', { pct: Math.round(s.lowest.bottomShare * 100) })}</Descriptions.Item>
        <Descriptions.Item label={t('points.rules.bounds')}>{t('points.rules.boundsLine', { b0: b.baseMin, b1: b.baseMax, v: b.maxValue, c: b.maxCap, d: b.maxDeduction })}</Descriptions.Item>
      </Descriptions>
      {issues.map((i) => <Alert key={`${i.key}${i.zh}`} type="error" showIcon message={lang === 'en' ? i.en : i.zh} />)}
      <Table<PointsItem>
        size="small" rowKey="key" dataSource={items} pagination={false}
        columns={[
          { title: t('points.rules.kind'), dataIndex: 'kind', width: 100, render: (k: PointsItem['kind']) => <Tag color={k === 'deduction' ? 'red' : k === 'mandatory' ? 'blue' : 'green'}>{label(ITEM_KINDS, k)}</Tag> },
          { title: t('points.rules.items'), key: 'name', render: (_: unknown, i) => (lang === 'en' ? i.en : i.zh) },
          { title: t('points.rules.value'), dataIndex: 'value', width: 110, render: (v: number, i) => (editing ? <InputNumber size="small" aria-label={`${i.zh} ${t('points.rules.value')}`} value={v} onChange={(x) => setItem(i.key, { value: x ?? 0 })} /> : v > 0 ? `+${v}` : v) },
          {
            title: t('points.rules.cap'), dataIndex: 'cap', width: 120,
            render: (c: number | null, i) => (editing && i.kind !== 'deduction' ? <InputNumber size="small" aria-label={`${i.zh} ${t('points.rules.cap')}`} value={c} onChange={(x) => setItem(i.key, { cap: x })} /> : c ?? t('points.rules.noCap')),
          },
          { title: t('points.rules.auto'), key: 'auto', render: (_: unknown, i) => autoText(i) },
        ]}
      />
      {rules.data!.may.editRules && !editing && <Button onClick={() => setDraft({ items: s.items, base: s.base, rectifyDays: s.rectifyDays })}>{t('points.rules.edit')}</Button>}
      {editing && (
        <>
          <Space>
            <Button type="primary" disabled={issues.length > 0} loading={busy} onClick={save}>{t('points.rules.save')}</Button>
            <Button onClick={() => setDraft(null)}>{t('points.rules.cancel')}</Button>
          </Space>
        </>
      )}
    </Space>
  );
}
