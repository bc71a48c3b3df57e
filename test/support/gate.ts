// A network address that a test owns for its whole life: a TCP forwarder on 127.0.0.1, port 0 (the
// system picks a free one). Behind it a server can be stopped and started again on any new port, and
// the gate can be shut (every connection, open or new, is reset: to a device, HQ is unreachable)
// and opened again. Nobody else can take the address in between, as they could a port that was
// closed and is to be reused, when two test runs share a machine.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Gate {
  /** http://127.0.0.1:<port>, the address to hand out. */
  url: string;
  port: number;
  /** Forwards new connections to this local port (null: reset them). Open ones are cut when it changes. */
  forwardTo(port: number | null): void;
  /** Resets every connection, open or new, until open() (the forwarding target is kept). */
  shut(): void;
  open(): void;
  close(): Promise<void>;
}

export async function openGate(target: number | null): Promise<Gate> {
  let to = target;
  let shut = false;
  const live = new Set<Socket>();
  const cut = () => {
    for (const s of live) s.destroy();
    live.clear();
  };
  const server: Server = createServer((client) => {
    if (shut || to === null) {
      client.on('error', () => {});
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(to, '127.0.0.1');
    live.add(client);
    live.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      live.delete(client);
      live.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    forwardTo: (p) => {
      to = p;
      cut();
    },
    shut: () => {
      shut = true;
      cut();
    },
    open: () => {
      shut = false;
    },
    close: () =>
      new Promise<void>((ok) => {
        cut();
        server.close(() => ok());
      }),
  };
}
