// Which records have a history: every synced table (and those HQ accepts ahead of devices).
import { SYNC_TABLES } from '../sync/tables.js';

export const HISTORY_TABLES = SYNC_TABLES;
export type HistoryTable = (typeof HISTORY_TABLES)[number];
