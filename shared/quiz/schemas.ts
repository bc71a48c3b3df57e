// Input schemas of the quiz operations.
import { z } from 'zod';
import { id } from '../core/schemas.js';

export const playersInput = z.strictObject({ q: z.string().max(40).optional() });
export const personInput = z.strictObject({ personId: id });
export const startInput = z.strictObject({ personId: id, level: z.number().int().min(1).max(99) });
/** `chosen`: the letters picked; '' when the time ran out. */
export const answerInput = z.strictObject({ runId: id, questionId: id, chosen: z.string().regex(/^[A-F]{0,6}$/), elapsedMs: z.number().int().min(0).max(3_600_000) });
export const reviewAnswerInput = z.strictObject({ personId: id, questionId: id, chosen: z.string().regex(/^[A-F]{0,6}$/) });
export const redeemInput = z.strictObject({ personId: id, rewardId: id });
export const reportInput = z.strictObject({ personId: id, questionId: id, text: z.string().trim().min(2).max(300) });
export const standingsInput = z.strictObject({ by: z.enum(['outlet', 'grid', 'branch']), from: z.iso.date(), to: z.iso.date() });
