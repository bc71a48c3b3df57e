// Child process of the migration crash test: unlocks (and so migrates) a plain profile, then says so.
// The parent kills it with SIGKILL at a random moment after "ready".
import { parseArgs } from 'node:util';
import { openProfile } from '../../../db/profile.js';

const { values } = parseArgs({ options: { profile: { type: 'string' }, pass: { type: 'string' } } });
console.log('ready');
const p = await openProfile(values.profile!, { unlock: { kind: 'passphrase', passphrase: values.pass! } });
await p.store.close();
console.log('done');
