// How the 同步 screen writes times, fields and values for people.
import { FIELD_LABELS } from '../../../shared/core/fieldLabels.js';
import type { Lang } from '../../i18n';
import { formatDateTime } from '../../components/formatDate';
import { syncText, TABLES } from './messages';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
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
  // A synced row carries its timestamps (e.g. confirmed_at) as UTC ISO strings: shown in Beijing time.
  if (typeof v === 'string') return ISO_TIMESTAMP.test(v) ? formatDateTime(v) : v;
  return JSON.stringify(v);
}

export function timeText(iso: string | null, lang: Lang): string {
  if (!iso) return syncText(lang, 'never');
  return formatDateTime(iso);
}

export function ageText(iso: string | null, lang: Lang, now = Date.now()): string {
  if (!iso) return syncText(lang, 'none');
  const ms = now - new Date(iso).getTime();
  if (ms < 60_000) return syncText(lang, 'justNow');
  if (ms < 3_600_000) return syncText(lang, 'minutesAgo', { n: Math.floor(ms / 60_000) });
  if (ms < 86_400_000) return syncText(lang, 'hoursAgo', { n: Math.floor(ms / 3_600_000) });
  return syncText(lang, 'daysAgo', { n: Math.floor(ms / 86_400_000) });
}
