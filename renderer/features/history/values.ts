// How a value in history reads: enum codes as their labels, flags as yes/no, empty as (empty).
import {
  ACTIVITY_TYPES, CHANNEL_TYPES, EDUCATION, EMPLOYMENT, GENDERS, ORG_TYPES, POLITICAL_STATUS, POSTS, SETTING_MODES, STANDINGS, type Labelled,
} from '../../../shared/domain/enums.js';

const ENUM_COLUMNS: Record<string, Labelled> = {
  post: POSTS, political_status: POLITICAL_STATUS, standing: STANDINGS, channel_type: CHANNEL_TYPES, gender: GENDERS,
  education: EDUCATION, employment: EMPLOYMENT, org_type: ORG_TYPES, setting_mode: SETTING_MODES, type: ACTIVITY_TYPES,
};
const FLAG_COLUMNS = new Set(['deleted', 'synthetic', 'is_contact_point']);

export function readValue(col: string, v: string | null, lang: 'zh' | 'en', words: { empty: string; yes: string; no: string }): string {
  if (v === null || v === '') return words.empty;
  const e = ENUM_COLUMNS[col]?.[v];
  if (e) return e[lang];
  if (FLAG_COLUMNS.has(col) && (v === '0' || v === '1')) return v === '1' ? words.yes : words.no;
  return v;
}
