import { toHalfWidth } from './text.js';

// GB 11643-1999: 17 digits + check character, weights 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normalizeCitizenId(raw: string): string {
  return toHalfWidth(raw).replace(/[\s-]/g, '').toUpperCase();
}

export function expectedCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type CitizenIdProblem = 'length' | 'format' | 'birth_date' | 'check_digit';

export function citizenIdProblem(id: string): CitizenIdProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!birthDateFromCitizenId(id)) return 'birth_date';
  if (expectedCheckChar(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return null;
}

export function isValidCitizenId(id: string): boolean {
  return citizenIdProblem(id) === null;
}

/** ISO date (YYYY-MM-DD) encoded in positions 7–14, or null when it is not a real date. */
export function birthDateFromCitizenId(id: string): string | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(id);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** The 17th character is odd for men and even for women. */
export function genderFromCitizenId(id: string): 'male' | 'female' | null {
  if (!/^\d{17}/.test(id)) return null;
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** First 6 + last 4, as DOMAIN.md's privacy rule asks for lists and exports. */
export function maskCitizenId(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '****' + phone.slice(-4);
}

/** Builds a valid id from a region code, birth date and sequence: used by the generator and tests. */
export function makeCitizenId(region: string, birth: string, seq3: number, male: boolean): string {
  let s = seq3 % 1000;
  if ((s % 2 === 1) !== male) s = (s + 1) % 1000;
  const body = region + birth.replace(/-/g, '') + String(s).padStart(3, '0');
  return body + expectedCheckChar(body);
}
