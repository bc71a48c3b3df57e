// Importing HQ's answer on the device that wrote the bundle, in one transaction: HQ's answers fold
// into the writes still waiting (as after an online push; writes answered since are skipped), then
// the pulled changes apply — but only if the device's cursor is still the one the bundle was made
// at: otherwise it has moved on (an online sync, another answer) and they are skipped, losing
// nothing, since the next sync brings them again. Each answer is recorded, so a second import of it
// changes nothing and says so.
import type { RelayImportResult } from '../../../shared/sync/contract.js';
import { answerPayload, type AnswerPayload } from '../../../shared/sync/relay.js';
import { openRelayFile, readRelayHeader, RelayFileError } from '../../../shared/sync/relayBox.js';
import { applyChunks, CURSOR_KEY } from '../apply.js';
import { Local, type PendingWrite } from '../local.js';
import { clearLostAmounts } from '../enrolPerson.js';
import { applyAnswers } from '../outbox.js';
import { isEnrolled } from '../session.js';
import { getMetaRaw, setMetaRaw, whenIdle, type Device } from '../state.js';
import { wipeStore } from '../wipe.js';
import { relayKeys } from './keys.js';
import { storePulled } from '../../history/pull.js';
import { applyRelayRepull, repullRequest } from '../backfill.js';
import { nodeRelayCrypto } from '../../../shared/node/relayCrypto.js';

/** What an import did (the 同步 screen shows it; see RelayImportResult in shared/contract/sync.ts). */
export type RelayImportReport = RelayImportResult;

function open(dev: Device, file: Uint8Array): { id: string; payload: AnswerPayload } {
  const { header } = readRelayHeader(file);
  if (header.k !== 'answer') throw new RelayFileError('is_bundle');
  if (header.d !== dev.session.deviceId) throw new RelayFileError('other_device');
  const keys = relayKeys(dev.raw);
  const parsed = answerPayload.safeParse(openRelayFile(nodeRelayCrypto, file, keys.privateKey, keys.hqPublic).payload);
  if (!parsed.success) throw new RelayFileError('tampered');
  return { id: header.id, payload: parsed.data };
}

const hasEvents = (p: AnswerPayload) => p.chunks.some((c) => c.rows.length + c.drops.length + c.conflicts.length > 0);

export async function importAnswer(dev: Device, file: Uint8Array, now = new Date()): Promise<RelayImportReport> {
  if (!isEnrolled(dev.raw)) throw new RelayFileError('not_enrolled');
  const { id, payload: p } = open(dev, file);
  const answeredAt = new Date(p.hqTime).toISOString();
  const none: RelayImportReport = { outcome: 'already', uploaded: 0, rejected: 0, downloaded: 0, conflicts: 0, pullSkipped: false, more: false, answeredAt };
  await whenIdle(dev.raw);
  const before = dev.raw.prepare(`SELECT summary FROM sync_relay_imports WHERE answer_id = ?`).get(id) as { summary: string } | undefined;
  if (before) return { ...none, more: (JSON.parse(before.summary) as RelayImportReport).more };
  if (p.wipe) {
    await wipeStore(dev);
    return { ...none, outcome: 'wiped' };
  }
  const raw = dev.raw;
  const seqs = p.answers.map((a) => a.s);
  const report = raw.transaction((): RelayImportReport => {
    const report: RelayImportReport = { ...none, outcome: 'imported', more: p.more };
    const bySeq = new Map(p.answers.map((a) => [a.s, a]));
    // The writes this answer speaks for that are still waiting, in order (applyAnswers' batch).
    const pending: PendingWrite[] = seqs.length ? Local.of(raw).pending(seqs.reduce((m, s) => Math.min(m, s)) - 1).filter((w) => bySeq.has(w.seq)) : [];
    if (pending.length) {
      applyAnswers(raw, { writes: [], pending }, pending.map((w) => bySeq.get(w.seq)!), p.hqTime, now);
      report.uploaded = pending.length;
      report.rejected = pending.filter((w) => Object.values(bySeq.get(w.seq)!.res).includes('r')).length;
    }
    // Before the pull applies: whether this store still had tables to re-pull after an upgrade.
    const needed = repullRequest(raw);
    if (p.chunks.length && Number(getMetaRaw(raw, CURSOR_KEY) ?? 0) === p.cursor) {
      const s = applyChunks(raw, p.chunks);
      report.downloaded = s.rows + s.dropped;
      report.conflicts = s.conflicts;
    } else report.pullSkipped = hasEvents(p);
    report.downloaded += applyRelayRepull(raw, needed, p.repull);
    // Who changed what, as an online sync's history fetch brings it (masked for this device's role by HQ).
    if (p.history) storePulled(raw, dev.session.deviceId, p.history);
    // A branch secretary no longer: their former branch's amounts leave the store (db/sync/enrolPerson.ts).
    clearLostAmounts(raw);
    if (p.identity) {
      // HQ is the authority on who this device acts for, as in a hello.
      setMetaRaw(raw, 'role', p.identity.role);
      setMetaRaw(raw, 'user_name', p.identity.userName);
      setMetaRaw(raw, 'scope_path', p.identity.scopePath);
    }
    raw
      .prepare(`INSERT INTO sync_relay_imports (answer_id, bundle_id, made_at, imported_at, summary) VALUES (?, ?, ?, ?, ?)`)
      .run(id, p.bundle, answeredAt, now.toISOString(), JSON.stringify(report));
    return report;
  })();
  if (p.identity) Object.assign(dev.session, p.identity);
  return report;
}
