// What an enrolment QR code may carry: the code alone (what the HQ console draws today), or a link
// with the code and the HQ address (`https://hq.example.cn/enrol?code=ABCD-EFGH-JKLM`), so a photo
// of a printed slip can fill both fields. Anything else is not an enrolment code.

const CODE = /^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/;

function asCode(s: string): string | null {
  const c = s.trim().toUpperCase();
  if (!CODE.test(c)) return null;
  const raw = c.replace(/-/g, '');
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

export function parseEnrolQr(text: string): { code: string; hqUrl?: string } | null {
  const code = asCode(text);
  if (code) return { code };
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const linked = asCode(u.searchParams.get('code') ?? '');
  if (!linked) return null;
  const base = u.pathname.replace(/\/?enrol\/?$/, '').replace(/\/$/, '');
  return { code: linked, hqUrl: `${u.origin}${base}` };
}
