// The honour kinds (`honours.kinds`) as rows to edit — code, Chinese and English names, what each is
// given to — instead of JSON. HQ checks the whole set with the app's own rule before it stores it.
import { Alert, Button, Input, Select, Table } from 'antd';
import { honourKinds, type HonourKind } from '../../shared/honours/rules.js';
import { useCT } from './i18n';

export interface KindRow { id: number; key: string; zh: string; en: string; subjects: HonourKind['subjects'] }

let next = 1;
/** The kinds in force for `v` (the defaults when none is set), as rows. */
export const toRows = (v: unknown): KindRow[] =>
  Object.entries(honourKinds(v)).map(([key, k]) => ({ id: next++, key, zh: k.zh, en: k.en, subjects: k.subjects }));
/** Blank codes are left as they are so HQ names the problem rather than the form dropping a row silently. */
export const fromRows = (rows: KindRow[]): Record<string, HonourKind> => Object.fromEntries(rows.map((r) => [r.key.trim(), { zh: r.zh.trim(), en: r.en.trim(), subjects: r.subjects }]));

export function HonourKindsForm({ rows, onChange }: { rows: KindRow[]; onChange(rows: KindRow[]): void }) {
  const { t } = useCT();
  const set = (id: number, patch: Partial<KindRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const subjects = (['org', 'outlet', 'person'] as const).map((s) => ({ value: s, label: t(`h.${s}`) }));
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('h.hint')} />
      <Table<KindRow> size="small" rowKey="id" dataSource={rows} pagination={false} data-testid="honour-kinds"
        columns={[
          { title: t('h.key'), key: 'k', width: 150, render: (_, r) => <Input aria-label={`${t('h.key')} ${r.id}`} value={r.key} onChange={(e) => set(r.id, { key: e.target.value })} /> },
          { title: t('h.zh'), key: 'zh', render: (_, r) => <Input aria-label={`${t('h.zh')} ${r.id}`} value={r.zh} onChange={(e) => set(r.id, { zh: e.target.value })} /> },
          { title: t('h.en'), key: 'en', render: (_, r) => <Input aria-label={`${t('h.en')} ${r.id}`} value={r.en} onChange={(e) => set(r.id, { en: e.target.value })} /> },
          { title: t('h.subjects'), key: 's', width: 190, render: (_, r) => <Select mode="multiple" style={{ width: '100%' }} aria-label={`${t('h.subjects')} ${r.id}`} value={r.subjects} options={subjects} onChange={(v) => set(r.id, { subjects: v })} /> },
          { title: '', key: 'x', width: 70, render: (_, r) => <Button size="small" danger onClick={() => onChange(rows.filter((x) => x.id !== r.id))}>{t('h.remove')}</Button> },
        ]} />
      <Button style={{ marginTop: 8 }} onClick={() => onChange([...rows, { id: next++, key: '', zh: '', en: '', subjects: ['outlet'] }])}>{t('h.add')}</Button>
    </>
  );
}
