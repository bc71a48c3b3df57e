// Before enrolment: local writes wait in the outbox (the 同步 screen counts them) and go at the first
// sync after enrolment, where HQ refuses those outside the enrolled scope with the reason (what the
// screen promises); a bundle cannot be made (HQ does not know the device). A failed enrolment
// says which of the two things typed to look at: an HQ that cannot be reached is named by its
// address, a wrong code is called a wrong code, an address where something else answers is said to
// be no HQ — each marked on its form field.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../db/backend.js';
import { enrolDevice } from '../../db/sync/enrol.js';
import { SyncFailure } from '../../db/sync/client.js';
import type { ApiErrorBody } from '../../shared/core/errors.js';
import type { SyncStatus } from '../../shared/sync/contract.js';
import { tempProfile } from '../support/store.js';
import { startTestHq, type TestHq } from './support.js';

let hq: TestHq;
const dirs: string[] = [];
const backends: Backend[] = [];

beforeAll(async () => {
  hq = await startTestHq();
});
afterAll(async () => {
  for (const b of backends) await b.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await hq?.close();
});

async function open(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-enrol-'));
  dirs.push(dir);
  const b = await startBackend(dir, { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
  backends.push(b);
  return b;
}

async function ok<T>(b: Backend, name: string, input: unknown): Promise<T> {
  const r = await b.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

async function refused(b: Backend, name: string, input: unknown): Promise<ApiErrorBody> {
  const r = await b.call(name, input);
  if (r.ok) throw new Error(`${name} was accepted`);
  return r.error;
}

/** An address where nothing listens: a port the system handed out and that was closed again. */
async function closedPortUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((done) => srv.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

describe('before enrolment', () => {
  it('counts the local writes as waiting, refuses a bundle, and sends the writes at the first sync after enrolment', async () => {
    const b = await open();
    const top = await ok<{ id: string }>(b, 'orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
    const city = await ok<{ id: string }>(b, 'orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: top.id });
    const lintong = await ok<{ id: string }>(b, 'orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
    const yanta = await ok<{ id: string }>(b, 'orgUnits.save', { code: 'xa-yanta', name: '雁塔区分公司', level: 'county', parentId: city.id });
    const mine = await ok<{ id: string }>(b, 'outlets.save', { code: 'LT01', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: lintong.id });
    await ok(b, 'outlets.save', { code: 'YT01', name: '雁塔小寨营业厅', channelType: 'own_store', countyId: yanta.id });
    const before = await ok<SyncStatus>(b, 'sync.status', {});
    expect(before).toMatchObject({ enrolled: false, connection: 'not_enrolled', hqUrl: null });
    expect(before.pending).toBe(10); // 4 units + their 4 links + 2 outlets
    expect(before.oldestPendingAt).not.toBeNull();
    expect(before.relay.ready).toBe(false);
    expect((await refused(b, 'sync.relayExport', {})).message).toBe('本机尚未注册到总部，不能使用同步包');

    // Enrolled as Lintong's organiser: what lies in Lintong reaches HQ, the rest is refused with its reason.
    const after = await ok<SyncStatus>(b, 'sync.enrol', { hqUrl: hq.url, code: await hq.code('临潼组织员', 'county_organiser', '/hq/xa/xa-lintong/') });
    expect(after).toMatchObject({ enrolled: true, connection: 'online', pending: 0 });
    const atHq = await hq.store.db.selectFrom('hq_rows').select('row_id').where('row_id', 'in', [mine.id, lintong.id]).execute();
    expect(atHq).toHaveLength(2);
    const refusals = await ok<{ rows: { rowLabel: string | null; reason: string }[] }>(b, 'sync.rejections', {});
    expect(refusals.rows.map((r) => r.rowLabel)).toEqual(expect.arrayContaining(['雁塔小寨营业厅', '陕西省公司']));
    expect(new Set(refusals.rows.map((r) => r.reason))).toEqual(new Set(['超出本设备的管理范围']));
    expect(after.openRejections).toBe(refusals.rows.length);
  });
});

describe('a failed enrolment names what to fix', () => {
  it('says HQ could not be reached, naming its address, when nothing listens there', async () => {
    const url = await closedPortUrl();
    const p = await tempProfile();
    try {
      const e = await enrolDevice({ raw: p.store.raw, session: p.session }, `${url}/`, 'ABCD-EFGH-JKLM').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(SyncFailure);
      const f = e as SyncFailure;
      expect(f.code).toBe('hq_unreachable');
      expect(f.zh).toContain(`无法连接总部服务器 ${url}`);
      expect(f.en).toContain(`Could not reach the HQ server at ${url}`);
      // Nothing syncs before enrolment: the online loop's "will sync when reachable" would be untrue.
      expect(f.zh).not.toContain('自动同步');
    } finally {
      await p.cleanup();
    }

    const b = await open();
    const err = await refused(b, 'sync.enrol', { hqUrl: url, code: 'ABCD-EFGH-JKLM' });
    expect(err.message).toBe(`注册失败：无法连接总部服务器 ${url}：网络不通、地址有误或服务器没有开启。请核对地址、检查网络后重试`);
    expect(err.messageEn).toContain(`Enrolment failed: Could not reach the HQ server at ${url}`);
    expect(err.issues).toEqual([{ path: 'hqUrl', message: '请核对总部服务器地址', messageEn: 'Check the HQ address' }]);
    expect((await ok<SyncStatus>(b, 'sync.status', {})).enrolled).toBe(false);
  });

  it('says the code is wrong when HQ does not know it, and marks the code', async () => {
    const b = await open();
    const err = await refused(b, 'sync.enrol', { hqUrl: hq.url, code: 'WRONG-CODE-0000' });
    expect(err.message).toBe('注册失败：注册码无效、已过期或已被使用，请向管理员重新申请');
    expect(err.messageEn).toBe('Enrolment failed: The enrolment code is unknown, expired or already used');
    expect(err.message).not.toContain('无法连接');
    expect(err.issues).toEqual([{ path: 'code', message: '请核对注册码', messageEn: 'Check the enrolment code' }]);
    const p = await tempProfile();
    try {
      const e = await enrolDevice({ raw: p.store.raw, session: p.session }, hq.url, 'WRONG-CODE-0000').catch((x: unknown) => x);
      expect(e).toMatchObject({ kind: 'refused', code: 'bad_code', status: 410 });
    } finally {
      await p.cleanup();
    }
  });

  it('says an address where something other than HQ answers may not be HQ', async () => {
    const web = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>路由器管理页面</html>'));
    await new Promise<void>((done) => web.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
    try {
      const err = await refused(await open(), 'sync.enrol', { hqUrl: url, code: 'ABCD-EFGH-JKLM' });
      expect(err.message).toBe(`注册失败：${url} 的应答无法识别（HTTP 200）：这可能不是红色渠道总部服务器的地址，或双方版本不一致。请核对地址和端口`);
      expect(err.issues.map((i) => i.path)).toEqual(['hqUrl']);
    } finally {
      await new Promise<void>((done) => web.close(() => done()));
    }
  });
});
