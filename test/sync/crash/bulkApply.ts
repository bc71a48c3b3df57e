// A device process for the bulk-apply crash test: applies pulled chunks (read from a file) as one
// big batch and is killed with SIGKILL at some instant of it.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openProfile } from '../../../db/profile.js';
import { applyChunks } from '../../../db/sync/apply.js';
import type { PullAnswer } from '../../../shared/sync/protocol.js';

const { values } = parseArgs({ options: { profile: { type: 'string' }, chunks: { type: 'string' } } });
const chunks = JSON.parse(readFileSync(values.chunks!, 'utf8')) as PullAnswer[];
const profile = await openProfile(values.profile!);
console.log('APPLYING');
applyChunks(profile.store.raw, chunks);
console.log('DONE');
await profile.store.close();
