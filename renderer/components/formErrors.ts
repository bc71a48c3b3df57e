import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { parseInput, type ApiErrorBody } from '../../shared/errors.js';
import { ApiCallError } from '../api/client';
import type { Lang } from '../i18n';

/** Puts each issue on its form field; returns the issues that have no field to sit on. */
export function applyIssues(form: FormInstance, body: ApiErrorBody, lang: Lang, fieldNames: Set<string>): string[] {
  const loose: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const i of body.issues) {
    const text = lang === 'en' ? i.messageEn : i.message;
    if (i.path && fieldNames.has(i.path)) fields.push({ name: i.path.split('.'), errors: [text] });
    else loose.push(text);
  }
  form.setFields(fields);
  return loose;
}

/** Validates with the same shared schema the backend uses, so the user sees the same message early. */
export function checkWithSchema<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false; body: ApiErrorBody } {
  const r = parseInput(schema, value);
  return r.ok ? r : { ok: false, body: r.error.toBody() };
}

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof ApiCallError) return lang === 'en' ? e.body.messageEn : e.body.message;
  return String(e);
}
