// Operations of the honours feature: honours proposed and approved on the assessment they rest
// on, and the accountability records 约谈提醒 / 限期整改 with deadline and outcome.
import { z } from 'zod';
import { read, write, type Page } from '../contract/define.js';
import { accountList, accountOutcome, accountSave, honourDecide, honourList, honourPropose } from './schemas.js';
import type { AccountRow, HonourKinds, HonourRow } from './types.js';

export const honoursContract = {
  'honours.kinds': read<HonourKinds>()(z.strictObject({})),
  'honours.list': read<Page<HonourRow>>()(honourList),
  'honours.propose': write<HonourRow>()(honourPropose),
  'honours.decide': write<HonourRow>()(honourDecide),
  'accountability.list': read<Page<AccountRow>>()(accountList),
  'accountability.save': write<AccountRow>()(accountSave),
  'accountability.outcome': write<AccountRow>()(accountOutcome),
} as const;
