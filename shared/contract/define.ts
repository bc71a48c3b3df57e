import type { z } from 'zod';

/** One operation of the API: its input schema, and its result type carried only at type level. */
export interface OpDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  kind: 'read' | 'write';
  /** phantom: never set at run time */
  readonly __result?: O;
}

export const read =
  <O>() =>
  <I extends z.ZodType>(input: I): OpDef<I, O> => ({ input, kind: 'read' });

export const write =
  <O>() =>
  <I extends z.ZodType>(input: I): OpDef<I, O> => ({ input, kind: 'write' });

export type InputOf<D> = D extends OpDef<infer I, unknown> ? z.input<I> : never;
export type ParsedOf<D> = D extends OpDef<infer I, unknown> ? z.output<I> : never;
export type ResultOf<D> = D extends OpDef<z.ZodType, infer O> ? O : never;

export interface Page<T> {
  rows: T[];
  total: number;
}

/** A file travelling through the contract: the renderer downloads it as a Blob. */
export interface FilePayload {
  fileName: string;
  mime: string;
  base64: string;
  rows: number;
}
