// `npm run serve`: browser mode on 127.0.0.1 for the profile given by --profile (or RC_PROFILE).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBackend } from '../../db/backend.js';
import { startBrowserServer } from './server.js';

const { values } = parseArgs({
  options: { profile: { type: 'string' }, port: { type: 'string' }, static: { type: 'string' } },
});
const profileDir = resolve(values.profile ?? process.env.RC_PROFILE ?? join(homedir(), '.red-channel', 'profiles', 'default'));
const backend = await startBackend(profileDir);
const srv = await startBrowserServer(backend, {
  port: values.port ? Number(values.port) : 5178,
  staticDir: values.static ?? resolve('dist/renderer'),
});
console.log(`红色渠道 browser mode: ${srv.url}  (profile ${profileDir})`);
const stop = async () => {
  await srv.close();
  await backend.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
