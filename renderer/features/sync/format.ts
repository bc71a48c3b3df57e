// How the 同步 screen writes times, fields and values for people.
import { FIELD_LABELS } from '../../../shared/core/fieldLabels.js';
import type { Lang } from '../../i18n';
import { syncText, TABLES } from './messages';

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function fieldLabel(column: string, lang: Lang): string {
  const l = FIELD_LABELS[camel(column)] ?? FIELD_LABELS[column];
  if (l) return l[lang];
  if (column === 'deleted') return lang === 'en' ? 'Deleted' : '删除标记';
  if (column === 'scope_path') return lang === 'en' ? 'Scope' : '所属范围';
  return column;
}

export function tableLabel(table: string, lang: Lang): string {
  return TABLES[table]?.[lang] ?? table;
}

export function valueText(column: string, v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return syncText(lang, 'empty_value');
  if (column === 'deleted') return syncText(lang, v ? 'deleted_yes' : 'deleted_no');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function timeText(iso: string | null, lang: Lang): string {
  if (!iso) return syncText(lang, 'never');
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function ageText(iso: string | null, lang: Lang, now = Date.now()): string {
  if (!iso) return syncText(lang, 'none');
  const ms = now - new Date(iso).getTime();
  if (ms < 60_000) return syncText(lang, 'justNow');
  if (ms < 3_600_000) return syncText(lang, 'minutesAgo', { n: Math.floor(ms / 60_000) });
  if (ms < 86_400_000) return syncText(lang, 'hoursAgo', { n: Math.floor(ms / 3_600_000) });
  return syncText(lang, 'daysAgo', { n: Math.floor(ms / 86_400_000) });
}
