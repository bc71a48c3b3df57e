import { z } from 'zod';
import { read, write } from '../contract/define.js';
import type { OverviewStats, SessionInfo } from './types.js';

export const systemContract = {
  'session.info': read<SessionInfo>()(z.strictObject({})),
  'overview.stats': read<OverviewStats>()(z.strictObject({ unitId: z.string().max(40).optional() })),
  'settings.get': read<Record<string, unknown>>()(z.strictObject({})),
  'settings.set': write<Record<string, unknown>>()(
    z.strictObject({ key: z.string().regex(/^[a-z][a-zA-Z0-9_.]{0,63}$/), value: z.json() }),
  ),
} as const;
