import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI lives apart from node_modules (see scripts/build-native.mjs),
 * so `npm test` under Node keeps loading its own build. A packaged app has its own rebuilt copy.
 */
export function electronNativeBinding(appPath: string, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  const file = join(appPath, '.electron-native', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
