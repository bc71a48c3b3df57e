// POST /v1/relay: an enrolled device that reaches HQ hands in another device's bundle (opaque to it,
// base64 in JSON like attachment parts) and takes the sealed answer back to carry home. The carrier
// authenticates as itself; what the bundle may do is decided by the device that wrote it.
import type { FastifyInstance } from 'fastify';
import type { Hlc } from '../../shared/sync/hlc.js';
import { RELAY_BODY_BYTES, relayRequest, type RelayAnswer } from '../../shared/sync/relay.js';
import type { BlobRouteDeps } from '../blobs.js';
import { relayBundle } from './relay.js';

export function registerRelayRoute(app: FastifyInstance, deps: BlobRouteDeps & { clock: Hlc }): void {
  const { store, device, parse, clock } = deps;
  app.post('/v1/relay', { bodyLimit: RELAY_BODY_BYTES }, async (req): Promise<RelayAnswer> => {
    const carrier = await device(req);
    const body = parse(relayRequest, req.body);
    const out = await relayBundle(store, Buffer.from(body.bundle, 'base64'), { clock, carrier: carrier.deviceId });
    return { hqTime: Date.now(), answer: Buffer.from(out.answer).toString('base64'), fileName: out.fileName, origin: out.origin, summary: out.summary };
  });
}
