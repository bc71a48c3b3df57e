// Renderer tests talk to a real backend on a temp profile through the API client's transport hook.
import { setTransport } from '../../renderer/api/client';
import { tempProfile } from '../support/store.js';
import { dispatch } from '../../db/api/index.js';

export async function realBackend() {
  const p = await tempProfile();
  const calls: string[] = [];
  setTransport({
    invoke: async (name, input) => {
      calls.push(name);
      return dispatch(p.context(), name, input);
    },
  });
  return Object.assign(p, { calls });
}
