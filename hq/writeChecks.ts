// Checks on a batch of writes before any of it is applied, the same for /v1/push and a relayed
// bundle (hq/relay/relay.ts): a device stamps only in its own name, and numbers its writes in order.
import { hlcNode } from '../shared/sync/hlc.js';
import type { WireWrite } from '../shared/sync/protocol.js';
import { HqError } from './errors.js';

export function refuseForgedOrUnordered(deviceId: string, writes: WireWrite[]): void {
  const forged = writes.find((w) => hlcNode(w.h) !== deviceId);
  if (forged) throw new HqError(400, 'forged_stamp', `变更${forged.s}的时间戳不属于本设备，本批未处理`, `Write ${forged.s} carries another node's stamp; nothing applied`);
  for (let i = 1; i < writes.length; i++)
    if (writes[i]!.s <= writes[i - 1]!.s) throw new HqError(400, 'order', '变更序号须递增', 'Sequence numbers must increase');
}
