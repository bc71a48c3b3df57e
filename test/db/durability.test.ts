// A save the app has reported is on disk (db/open.ts): the device's store commits with
// synchronous = FULL as a profile opens it, and a first sync's bulk load puts it back after
// its own batch. A power cut cannot be staged here, so this checks the setting, not the behaviour.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asBigBatch } from '../../db/sync/apply.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
beforeEach(async () => {
  p = await tempProfile({ role: 'instructor', scopePath: '/hq/xa/' });
});
afterEach(async () => p.cleanup());

const FULL = 2;

describe('the device store commits durably', () => {
  it('opens with synchronous = FULL in WAL mode, and keeps it after a bulk load', () => {
    expect(p.store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(p.store.raw.pragma('synchronous', { simple: true })).toBe(FULL);
    asBigBatch(p.store.raw, true, () => p.store.raw.exec('CREATE TABLE bulk_probe (id INTEGER PRIMARY KEY)'));
    expect(p.store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(p.store.raw.pragma('synchronous', { simple: true })).toBe(FULL);
  });
});
