// Operations of the pairing feature: 党建和创 / 结对共建 agreements, 1:1 or 1:N (outside partners
// included), their cadence of joint meetings (联席会议) and whether it is kept.
import { read, write, type FilePayload, type Page } from '../contract/define.js';
import { pairingExport, pairingGet, pairingList, pairingMeeting, pairingSave } from './schemas.js';
import type { PairingDetail, PairingRow } from './types.js';

export const pairingContract = {
  'pairings.list': read<Page<PairingRow>>()(pairingList),
  'pairings.get': read<PairingDetail>()(pairingGet),
  'pairings.save': write<PairingDetail>()(pairingSave),
  'pairings.meeting': write<PairingDetail>()(pairingMeeting),
  'pairings.export': read<FilePayload>()(pairingExport),
} as const;
