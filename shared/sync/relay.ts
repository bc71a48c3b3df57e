// Relay by file: what a sync bundle (device → HQ) and its answer (HQ → device) hold once decrypted,
// the relay call a carrying device makes (POST /v1/relay), the limits, and the reasons a file is
// refused, in Chinese and English. The file layout and encryption are in relayBox.ts.
import { z } from 'zod';
import { helloRequest, pullAnswer, pushAnswerItem, repullTables, ROLE_VALUES, wireWrite } from './protocol.js';
import { historyPullAnswer } from '../history/wire.js';

export const RELAY_LIMITS = {
  /** The largest bundle or answer file: bounds memory, the upload to HQ and browser mode's 20 MB body. */
  fileBytes: 12 * 1024 * 1024,
  /** A payload that inflates beyond this is refused rather than unpacked. */
  plainBytes: 64 * 1024 * 1024,
  /** Writes one bundle carries at most; the rest wait for the next bundle (`more`). */
  bundleWrites: 20_000,
  /** JSON of the writes in one bundle, before compression. */
  bundleWriteBytes: 24 * 1024 * 1024,
  /** JSON of the changes pulled into one answer, before compression. */
  answerPullBytes: 16 * 1024 * 1024,
} as const;

export const BUNDLE_EXT = '.rcsync';
export const ANSWER_EXT = '.rcreply';

/** Decrypted bundle: the hello, the waiting writes (as in /v1/push) and the pull request. */
export const bundlePayload = z.strictObject({
  hello: helloRequest.omit({ relayKey: true }),
  writes: z.array(wireWrite).max(RELAY_LIMITS.bundleWrites),
  /** More writes were waiting than this bundle carries. */
  more: z.boolean(),
  /** `history`: the device's cursor in HQ's record history (absent from an app before relay carried history). */
  pull: z.strictObject({
    cursor: z.number().int().min(0), since: z.number().int().min(0), history: z.number().int().min(0).optional(),
    /** After an upgrade: the tables to re-pull whole, from the re-pull's own cursor (db/sync/backfill.ts); sent only when there are some. */
    repull: z.strictObject({ tables: repullTables, cursor: z.number().int().min(0) }).optional(),
  }),
});
export type BundlePayload = z.infer<typeof bundlePayload>;

/** Decrypted answer: HQ's answers to the bundle's writes, and the changes pulled from its cursor. */
export const answerPayload = z.strictObject({
  /** The bundle answered (its header id). */
  bundle: z.string().max(64),
  hqTime: z.number(),
  /** The cursor the bundle was made at: the pulled changes apply only on a device still there. */
  cursor: z.number().int().min(0),
  identity: z.object({ userName: z.string(), role: z.enum(ROLE_VALUES), scopePath: z.string() }).optional(),
  answers: z.array(pushAnswerItem),
  chunks: z.array(pullAnswer),
  /** HQ's record history from the bundle's history cursor, as /v1/history would give it. */
  history: historyPullAnswer.optional(),
  /** The re-pull the bundle asked for, as far as this answer carries it (`more`: the next bundle goes on). */
  repull: z.strictObject({ tables: repullTables, cursor: z.number().int().min(0), chunks: z.array(pullAnswer), more: z.boolean() }).optional(),
  /** Writes or changes were left for a next bundle. */
  more: z.boolean(),
  /** The device has been revoked: wipe, as online sync does. */
  wipe: z.boolean().optional(),
});
export type AnswerPayload = z.infer<typeof answerPayload>;

const base64 = z.string().max(Math.ceil(RELAY_LIMITS.fileBytes / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** POST /v1/relay: a carrying device hands HQ a bundle it cannot read. */
export const relayRequest = z.strictObject({ bundle: base64.min(1) });
/** Body limit of /v1/relay: the largest bundle as base64, and room for the JSON around it. */
export const RELAY_BODY_BYTES = Math.ceil(RELAY_LIMITS.fileBytes / 3) * 4 + 4096;

export const relaySummary = z.object({
  /** Writes in the bundle, and how many HQ rejected. */
  writes: z.number(),
  rejected: z.number(),
  /** Rows, drops and conflict records the answer carries. */
  rows: z.number(),
  conflicts: z.number(),
  more: z.boolean(),
});
export type RelaySummary = z.infer<typeof relaySummary>;

export const relayOrigin = z.object({ deviceId: z.string(), userName: z.string() });
export const relayAnswer = z.object({
  hqTime: z.number(),
  /** The answer file (base64), encrypted to the device that made the bundle. */
  answer: z.string(),
  fileName: z.string(),
  origin: relayOrigin,
  summary: relaySummary,
});
export type RelayAnswer = z.infer<typeof relayAnswer>;
/** What a refusal of a revoked device's bundle carries besides the reason: the answer telling it to wipe. */
export const relayRevoked = z.object({ answer: z.string(), fileName: z.string(), origin: relayOrigin });

export type RelayRefusal =
  | 'not_relay' | 'too_large' | 'newer_format' | 'tampered' | 'is_answer' | 'is_bundle' | 'other_device' | 'own_bundle'
  | 'unknown_device' | 'no_device_key' | 'no_hq_key' | 'origin_revoked' | 'not_enrolled';

export const RELAY_REFUSALS: Record<RelayRefusal, { zh: string; en: string }> = {
  not_relay: { zh: '这不是红色渠道的同步包或回执文件，未做任何更改', en: 'This is not a Red Channel sync bundle or answer file; nothing was changed' },
  too_large: { zh: '文件过大（同步包和回执最大 12 MB），未做任何更改', en: 'The file is too large (12 MB at most); nothing was changed' },
  newer_format: { zh: '该文件由更新版本的应用生成，请先升级应用', en: 'The file was made by a newer version of the app; update the app first' },
  tampered: { zh: '文件已损坏或被篡改，无法验证，未做任何更改', en: 'The file is damaged or has been tampered with; nothing was changed' },
  is_answer: { zh: '这是回执文件，不是同步包：请把它带回原设备，在“同步”页面点击“导入回执”', en: 'This is an answer file, not a bundle: take it back to its device and import it there' },
  is_bundle: { zh: '这是同步包，不是回执：请在能连接总部的设备上转交，再把回执带回本机导入', en: 'This is a sync bundle, not an answer: forward it from a device that reaches HQ, then import the answer here' },
  other_device: { zh: '该回执属于另一台设备，不能在本机导入，未做任何更改', en: 'This answer belongs to another device; nothing was changed' },
  own_bundle: { zh: '这是本机自己的同步包；本机能连接总部时请直接点击“立即同步”', en: 'This is this device\u2019s own bundle; when HQ is reachable just use Sync now' },
  unknown_device: { zh: '同步包来自总部不认识的设备，未做任何处理', en: 'The bundle comes from a device HQ does not know; nothing was done' },
  no_device_key: { zh: '该设备尚未向总部登记加密密钥（需先联网同步一次），无法处理其同步包', en: 'That device has not registered its encryption key with HQ (it must sync online once)' },
  no_hq_key: { zh: '本机尚未取得总部的加密密钥：请先联网同步一次，再使用同步包', en: 'This device does not have HQ\u2019s encryption key yet: sync online once first' },
  origin_revoked: { zh: '该同步包来自已被总部停用的设备，其中的修改未被接收；回执会通知该设备清除本机数据', en: 'The bundle comes from a revoked device; its changes were not accepted, and the answer tells it to wipe' },
  not_enrolled: { zh: '本机尚未注册到总部，不能使用同步包', en: 'This device is not enrolled with HQ' },
};

/** A file named for people: what it is, whose, and when (local time), e.g. 同步包-张三-20261201-0930.rcsync. */
export function relayFileName(kind: 'bundle' | 'answer', userName: string, deviceId: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  const who = userName.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 20) || 'device';
  return `${kind === 'bundle' ? '同步包' : '回执'}-${who}-${deviceId.slice(-6)}-${when}${kind === 'bundle' ? BUNDLE_EXT : ANSWER_EXT}`;
}
