// `npm run hq -- relay --in <bundle> [--out <answer>]`: relay by file on a machine that holds HQ's
// database (HQ itself, or a county office running on it), with no carrying device involved.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RELAY_LIMITS, relayRevoked } from '../../shared/sync/relay.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { relayBundle } from './relay.js';

export interface RelayFileResult {
  out: string;
  lines: string[];
  /** The device was revoked: the answer only tells it to wipe. */
  revoked: boolean;
}

/** Relays one bundle file and writes the answer next to it (or to `out`). Refusals throw HqError and write nothing. */
export async function relayFile(store: HqStore, inPath: string, outPath?: string): Promise<RelayFileResult> {
  if (statSync(inPath).size > RELAY_LIMITS.fileBytes) throw new HqError(413, 'relay_too_large', '文件过大（同步包最大 12 MB）', 'File too large (12 MB at most)');
  try {
    const r = await relayBundle(store, readFileSync(inPath), { carrier: 'cli' });
    const out = outPath ?? join(dirname(inPath), r.fileName);
    writeFileSync(out, r.answer);
    const s = r.summary;
    return {
      out,
      revoked: false,
      lines: [
        `已处理 ${r.origin.userName} 的同步包：上传 ${s.writes} 条（被拒 ${s.rejected} 条），下载 ${s.rows} 条，冲突 ${s.conflicts} 条${s.more ? '；还有更多，请让该设备再次导出' : ''}`,
        `Relayed ${r.origin.userName}'s bundle: ${s.writes} writes up (${s.rejected} rejected), ${s.rows} changes and ${s.conflicts} conflict records down${s.more ? '; more remain: export again' : ''}`,
        `回执 / answer: ${out}`,
      ],
    };
  } catch (e) {
    const revoked = e instanceof HqError && e.code === 'relay_origin_revoked' ? relayRevoked.safeParse(e.extra) : null;
    if (!revoked?.success) throw e;
    const out = outPath ?? join(dirname(inPath), revoked.data.fileName);
    writeFileSync(out, Buffer.from(revoked.data.answer, 'base64'));
    return { out, revoked: true, lines: [(e as HqError).zh, (e as HqError).en, `回执 / answer: ${out}`] };
  }
}
