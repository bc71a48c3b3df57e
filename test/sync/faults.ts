// A device's way to HQ with faults injected on purpose: offline (nothing sent), answer lost (HQ
// acted, the device never hears), and a record of past requests to deliver again later.
import type { FetchLike } from '../../db/sync/client.js';

export interface FaultyNet {
  fetch: FetchLike;
  offline: boolean;
  /** The next answer is lost after HQ handled the request. */
  loseNextAnswer: boolean;
  /** Past requests (path, headers, body), to re-deliver exactly or with fresh credentials. */
  sent: { url: string; headers: Record<string, string>; body: string }[];
}

export function faultyNet(): FaultyNet {
  const net: FaultyNet = {
    offline: false,
    loseNextAnswer: false,
    sent: [],
    fetch: async (url, init) => {
      if (net.offline) throw new Error('network down (test)');
      const res = await fetch(url, init);
      const text = await res.text();
      if (url.endsWith('/v1/push') || url.endsWith('/v1/pull')) {
        net.sent.push({ url, headers: init.headers, body: init.body ?? '' });
        if (net.sent.length > 30) net.sent.shift();
      }
      if (net.loseNextAnswer) {
        net.loseNextAnswer = false;
        throw new Error('answer lost (test)');
      }
      return { status: res.status, text: async () => text };
    },
  };
  return net;
}
