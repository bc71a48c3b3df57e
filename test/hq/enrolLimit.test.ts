// Guessing enrolment codes: after ENROL_LIMIT.failures wrong codes from one address within the
// window, that address's wrong codes are refused with 429 (with when to retry) — but a right code
// from the same address is still taken: a county office behind one NAT is not locked out by one
// colleague who mistyped. Other addresses are not affected, and the count ends with the window.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enrol } from '../../hq/auth.js';
import { ENROL_LIMIT } from '../../hq/enrolLimit.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { startTestHq, type TestHq } from '../sync/support.js';

let hq: TestHq;
beforeAll(async () => {
  hq = await startTestHq();
});
afterAll(async () => {
  await hq?.close();
});

const attempt = (code: string) => ({ code, deviceId: uuidv7(), appVersion: '0.1.0', schemaVersion: 'x' });

async function post(code: string) {
  const res = await fetch(`${hq.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(attempt(code)) });
  return { status: res.status, body: (await res.json()) as { error?: string; zh?: string; secret?: string } };
}

it('stops an address guessing codes, yet takes a right code from it (one NAT, one mistyping colleague)', async () => {
  const right = await hq.code('王建国', 'instructor', '/hq/m/');
  for (let i = 0; i < ENROL_LIMIT.failures; i++) {
    const r = await post(`WRNG-CODE-${String(i).padStart(4, 'X')}`);
    expect(r.status).toBe(410);
    expect(r.body.zh).toContain('注册码无效');
  }
  const blocked = await post('WRNG-CODE-MORE');
  expect(blocked.status).toBe(429);
  expect(blocked.body.error).toBe('too_many_attempts');
  expect(blocked.body.zh).toMatch(/输错次数过多，请 1[45] 分钟后再试/);

  // The colleague at the next desk, behind the same address, types the right code: enrolled.
  const colleague = await post(right);
  expect(colleague.status).toBe(200);
  expect(colleague.body.secret).toBeTruthy();

  // Another address is not affected by this one's mistakes.
  const second = await hq.code('李红', 'instructor', '/hq/m/');
  await expect(enrol(hq.store, attempt('WRNG-CODE-ELSE'), { ip: '10.20.30.40' })).rejects.toMatchObject({ status: 410 });
  expect((await enrol(hq.store, attempt(second), { ip: '10.20.30.40' })).userName).toBe('李红');

  // Once the window has passed, a wrong code from the address is an ordinary wrong code again.
  await expect(enrol(hq.store, attempt('WRNG-CODE-LATE'), { ip: '127.0.0.1' })).rejects.toMatchObject({ status: 429 });
  await expect(enrol(hq.store, attempt('WRNG-CODE-LATE'), { ip: '127.0.0.1', now: Date.now() + ENROL_LIMIT.windowMs + 1000 })).rejects.toMatchObject({ status: 410 });
});
