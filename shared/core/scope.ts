// The scope rule, in one place: a user acts only on rows whose scope_path lies under their own
// (paths are materialised, e.g. /hq/xa/xa-lintong/g03/, so "under" is a prefix test).
import { ApiError } from './errors.js';

export function isUnder(path: string, scope: string): boolean {
  return path.startsWith(scope);
}

/** Upper bound for a prefix range scan: `col >= p AND col < scopeEnd(p)` uses the index, LIKE does not. */
export function scopeEnd(path: string): string {
  return path + '\uffff';
}

const SUBJECTS = {
  unit: { zh: '超出您的管理范围', en: 'Outside your scope' },
  person: { zh: '该人员不在您的管理范围内', en: 'This person is outside your scope' },
  people: { zh: '有人员不在您的管理范围内', en: 'Some of these people are outside your scope' },
  outlet: { zh: '该网点不在您的管理范围内', en: 'This outlet is outside your scope' },
} as const;
export type ScopeSubject = keyof typeof SUBJECTS;

export function outsideScope(subject: ScopeSubject = 'unit'): ApiError {
  const m = SUBJECTS[subject];
  return new ApiError('forbidden', m.zh, m.en);
}

/** Throws the bilingual "outside your scope" error unless `path` lies under `scope`. */
export function assertInScope(path: string, scope: string, subject: ScopeSubject = 'unit'): void {
  if (!isUnder(path, scope)) throw outsideScope(subject);
}
