// How a value in history reads: enum codes as their labels, flags as yes/no, empty as (empty),
// a reference to another record as that record's name (the backend looked it up), or the end of
// its id when this device does not know it (the full id on hover).
import {
  ACTIVITY_TYPES, ATTENDANCE_STATUS, CHANNEL_TYPES, EDUCATION, EMPLOYMENT, GENDERS, MOBILITY, ORG_TYPES, ORG_UNIT_LEVELS, POLITICAL_STATUS, POSTS,
  RECRUIT_STAGES, SETTING_MODES, STANDINGS, type Labelled,
} from '../../../shared/domain/enums.js';

const ENUM_COLUMNS: Record<string, Labelled> = {
  post: POSTS, political_status: POLITICAL_STATUS, standing: STANDINGS, channel_type: CHANNEL_TYPES, gender: GENDERS, mobility: MOBILITY,
  education: EDUCATION, employment: EMPLOYMENT, org_type: ORG_TYPES, setting_mode: SETTING_MODES, type: ACTIVITY_TYPES, level: ORG_UNIT_LEVELS,
  stage: RECRUIT_STAGES, status: ATTENDANCE_STATUS,
};
const FLAG_COLUMNS = new Set(['deleted', 'synthetic', 'is_contact_point', 'lost_contact']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Read {
  text: string;
  /** The whole value when `text` shows only part of it (an id). */
  full?: string;
}

export function readValue(col: string, v: string | null, lang: 'zh' | 'en', words: { empty: string; yes: string; no: string }, ref?: string): Read {
  if (v === null || v === '') return { text: words.empty };
  if (ref) return { text: ref, full: v };
  const e = ENUM_COLUMNS[col]?.[v];
  if (e) return { text: e[lang] };
  if (FLAG_COLUMNS.has(col) && (v === '0' || v === '1')) return { text: v === '1' ? words.yes : words.no };
  if (col.endsWith('_id') && UUID.test(v)) return { text: `#${v.slice(-6)}`, full: v };
  return { text: v };
}
