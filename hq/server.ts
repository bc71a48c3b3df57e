// HQ's HTTP face (Fastify). Every request is validated against shared/sync/protocol.ts; anything
// malformed, oversized, forged, stale or replayed gets a 4xx with a reason in Chinese and English
// and changes nothing. The only state is in the database.
import { sql } from 'kysely';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Hlc } from '../shared/sync/hlc.js';
import { isPushRequest } from '../shared/sync/pushShape.js';
import {
  BRIEF_ANSWERS, enrolRequest, helloRequest, HEADERS, LIMITS, PROTOCOL_VERSION, pullRequest, pushRequest, type HelloAnswer, type PushAnswer,
} from '../shared/sync/protocol.js';
import { authenticate, enrol, type Device } from './auth.js';
import { registerBlobRoutes } from './blobs.js';
import { registerConsole } from './console/routes.js';
import { registerCodePerson } from './console/codePerson.js';
import { saveDeviceReport } from './console/reports.js';
import { decodedBody, installCodings, jsonLength, rawBodies } from './encoding.js';
import { HqError } from './errors.js';
import { installServerTiming } from './serverTiming.js';
import { refuseTooOld } from './versions.js';
import { applyPush, briefAnswers, HQ_NODE } from './push.js';
import { SharedPulls } from './pullShare.js';
import { hqRelayKeys, saveDeviceKey } from './relay/keys.js';
import { registerRelayRoute } from './relay/route.js';
import { registerHistoryRoute } from './history/route.js';
import { registerSnapshotRoutes } from './snapshot/route.js';
import { refuseForgedOrUnordered } from './writeChecks.js';
import { noteAcknowledged } from './purge.js';
import { num, type HqStore } from './store.js';

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first ? `${first.path.join('.') || '(body)'}: ${first.message}` : '';
  throw new HqError(400, 'malformed', `请求格式不正确（${where}）`, `Malformed request (${where})`);
}

export interface HqServerOptions {
  store: HqStore;
  logger?: boolean;
}

export function buildHq({ store, logger = false }: HqServerOptions): FastifyInstance {
  const app = Fastify({ logger, bodyLimit: LIMITS.bodyBytes, onProtoPoisoning: 'error', onConstructorPoisoning: 'error' });
  // Signatures cover the body as sent (compressed, if it was): hq/encoding.ts keeps it beside the parsed JSON.
  installCodings(app);
  installServerTiming(app);
  const clock = new Hlc(HQ_NODE);

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof HqError) return reply.status(err.status).send({ error: err.code, zh: err.zh, en: err.en, hqTime: Date.now(), ...err.extra });
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send({ error: 'too_large', zh: '请求数据过大', en: 'Request too large', hqTime: Date.now() });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply.status(e.statusCode).send({ error: 'bad_request', zh: `请求无效：${e.message ?? ''}`, en: `Bad request: ${e.message ?? ''}`, hqTime: Date.now() });
    app.log.error(err);
    return reply.status(500).send({ error: 'internal', zh: '总部服务器内部错误', en: 'HQ internal error', hqTime: Date.now() });
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ error: 'not_found', zh: '无此接口', en: 'No such endpoint' }));

  const device = async (req: FastifyRequest): Promise<Device> => {
    const d = await authenticate(store, {
      deviceId: req.headers[HEADERS.device] as string | undefined,
      authorization: req.headers.authorization,
      nonce: req.headers[HEADERS.nonce] as string | undefined,
      time: req.headers[HEADERS.time] as string | undefined,
      method: req.method,
      path: req.url,
      body: rawBodies.get(req) ?? (typeof req.body === 'string' ? req.body : ''),
      encoding: req.headers['content-encoding'],
    });
    await decodedBody(app, req); // inflated only for a caller whose signature held
    return d;
  };

  app.get('/v1/ping', async () => ({ ok: true, hqTime: Date.now(), protocol: PROTOCOL_VERSION }));

  app.post('/v1/enrol', async (req) => enrol(store, parse(enrolRequest, await decodedBody(app, req)), { ip: req.ip }));

  app.post('/v1/hello', async (req): Promise<HelloAnswer> => {
    const d = await device(req);
    const body = parse(helloRequest, req.body);
    if (body.protocol !== PROTOCOL_VERSION)
      throw new HqError(426, 'protocol', '客户端版本与总部不兼容，请升级应用', `Protocol ${body.protocol} not supported; upgrade the app`);
    await refuseTooOld(store.db, d.scopePath, body.schemaVersion, d.settingsVersion); // before anything is taken from it (hq/versions.ts)
    // HQ's head read with the version noted: one round trip.
    const noted = await sql<{ head: number | string }>`UPDATE hq_devices SET app_version = ${body.appVersion} WHERE device_id = ${d.deviceId}
      RETURNING (SELECT version FROM hq_counter WHERE id = 1) AS head`.execute(store.db);
    const head = num(noted.rows[0]!.head);
    await saveDeviceReport(store.db, d.deviceId, body.schemaVersion, body.report); // shown on the console's device table
    if (body.relayKey) await saveDeviceKey(store.db, d.deviceId, body.relayKey);
    const hqRelayKey = (await hqRelayKeys(store)).publicKey;
    return { hqTime: Date.now(), lastSeq: d.lastSeq, head, userName: d.userName, role: d.role, scopePath: d.scopePath, hqRelayKey };
  });

  app.post('/v1/push', async (req): Promise<PushAnswer> => {
    const d = await device(req);
    const body = isPushRequest(req.body) ? req.body : parse(pushRequest, req.body); // the schema says what is wrong
    refuseForgedOrUnordered(d.deviceId, body.writes);
    const answers = await applyPush(store, clock, d, body.writes, { numbered: true, sentLength: jsonLength(req) });
    const brief = String(req.headers[HEADERS.accepts] ?? '').split(',').some((x) => x.trim() === BRIEF_ANSWERS);
    return { hqTime: Date.now(), answers: brief ? briefAnswers(body.writes, answers) : answers };
  });

  const pulls = new SharedPulls(store);
  shared.set(store, pulls);
  app.post('/v1/pull', async (req, reply) => {
    const d = await device(req);
    const body = parse(pullRequest, req.body);
    if (body.since !== undefined && body.since > body.cursor) throw new HqError(400, 'malformed', '请求格式不正确（since 不能大于 cursor）', 'since must not exceed cursor');
    // `since` is what the device has stored; `cursor` may name chunks it still holds in memory.
    await noteAcknowledged(store, d.deviceId, body.since ?? body.cursor);
    const answer = await pulls.pull(d, body.cursor, body.limit, body.since, body.tables, req.headers['accept-encoding']); // hq/pullShare.ts
    if (!Buffer.isBuffer(answer) && !('coding' in answer)) return answer;
    reply.header('content-type', 'application/json; charset=utf-8');
    if (Buffer.isBuffer(answer)) return reply.send(answer);
    reply.header('vary', 'accept-encoding');
    reply.header('content-encoding', answer.coding);
    return reply.send(answer.bytes);
  });

  registerBlobRoutes(app, { store, device, parse });
  registerRelayRoute(app, { store, device, parse, clock });
  registerHistoryRoute(app, { store, device, parse }); // record history for devices (hq/history/)
  registerSnapshotRoutes(app, { store, device, parse }); // a first sync in one snapshot (hq/snapshot/)
  registerConsole(app, { store });
  registerCodePerson(app, store); // the console's code dialog names the person a code is for

  return app;
}

const shared = new WeakMap<HqStore, SharedPulls>();

/** The shared pulls of the HQ serving this store (its counts, for tests and benchmarks). */
export function sharedPullsOf(store: HqStore): SharedPulls | undefined {
  return shared.get(store);
}

export async function startHq(opts: HqServerOptions & { port?: number; host?: string }): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }> {
  const app = buildHq(opts);
  await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return { app, url: `http://${opts.host ?? '127.0.0.1'}:${port}`, close: () => app.close() };
}
