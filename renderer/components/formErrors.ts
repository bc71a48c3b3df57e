import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { parseInput, type ApiErrorBody } from '../../shared/core/errors.js';
import { ApiCallError, call } from '../api/client';
import type { Input, OpName, Result } from '../../shared/contract/index.js';
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

/** Shows a failure the usual way: issues on their fields, the first other one as a message. */
export function reportOnForm(form: FormInstance, fields: Set<string>, lang: Lang, message: { error(text: string): unknown }) {
  return (body: ApiErrorBody) => {
    const loose = applyIssues(form, body, lang, fields);
    message.error(loose[0] ?? (lang === 'en' ? body.messageEn : body.message));
  };
}

/**
 * Checks the input with the shared schema (the user sees the backend's own message at once), then
 * calls the operation; any refusal goes to `report`. Returns the result, or undefined if refused.
 */
export async function saveChecked<K extends OpName>(o: {
  schema: z.ZodType;
  name: K;
  input: Input<K>;
  report: (body: ApiErrorBody) => void;
}): Promise<Result<K> | undefined> {
  const local = checkWithSchema(o.schema, o.input);
  if (!local.ok) {
    o.report(local.body);
    return undefined;
  }
  try {
    return await call(o.name, o.input);
  } catch (e) {
    o.report(e instanceof ApiCallError ? e.body : { code: 'internal', message: String(e), messageEn: String(e), issues: [] });
    return undefined;
  }
}
