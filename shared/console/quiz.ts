// The quiz pages of the HQ console (hq/console/quiz.ts → renderer/console/Quiz*.tsx): what the
// endpoints answer and the inputs they take, each field's refusal worded in Chinese and English.
import { z } from 'zod';
import type { RowIssue } from '../quiz/bank.js';

/** The labels a refused field is named by (HQ's 400 says which field is wrong in both languages). */
export const QUIZ_FIELDS: Record<string, { zh: string; en: string }> = {
  name: { zh: '奖品名称（1–40 字）', en: 'reward name (1–40 characters)' },
  nameEn: { zh: '英文名称（最多 60 字）', en: 'English name (60 characters at most)' },
  description: { zh: '说明（最多 200 字）', en: 'description (200 characters at most)' },
  price: { zh: '兑换积分（1–100000 的整数）', en: 'price in points (a whole number 1–100000)' },
  stock: { zh: '库存（0–100000 的整数）', en: 'stock (a whole number 0–100000)' },
  active: { zh: '是否上架', en: 'on offer' },
  approve: { zh: '批准或拒绝', en: 'approve or refuse' },
  reason: { zh: '拒绝理由（最多 200 字）', en: 'reason (200 characters at most)' },
  fileName: { zh: '文件名', en: 'file name' },
  base64: { zh: '文件内容（最大 10 MB）', en: 'file content (10 MB at most)' },
  id: { zh: '编号', en: 'id' },
};

const rowId = z.string().min(8).max(64);
export const rewardInput = z.strictObject({
  id: rowId.optional(),
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().max(60).default(''),
  description: z.string().trim().max(200).default(''),
  price: z.number().int().min(1).max(100_000),
  stock: z.number().int().min(0).max(100_000),
  active: z.boolean().default(true),
});
export type RewardInput = z.input<typeof rewardInput>;
export const decideInput = z.strictObject({ approve: z.boolean(), reason: z.string().trim().max(200).optional() });
export const bankFileInput = z.strictObject({ fileName: z.string().min(1).max(200), base64: z.string().min(1).max(14_000_000) });

export interface QuestionRow {
  id: string; kind: 'single' | 'multiple' | 'judge'; stem: string; options: string[]; answer: string; explanation: string;
  category: string; categoryLabel: { zh: string; en: string }; difficulty: number; level: number; retiredOn: string | null; batch: string | null; createdAt: string; reports: number;
}
export interface BankPreview {
  importable: number; issues: RowIssue[];
  /** The rows that would be imported, as read (the first 200: the rest are alike). */
  rows: { row: number; kind: string; stem: string; answer: string; category: string; level: number }[];
}
export interface RewardRow { id: string; name: string; nameEn: string; description: string; price: number; stock: number; active: boolean; pending: number }
export interface RedemptionRow {
  id: string; personName: string | null; rewardName: { zh: string; en: string }; price: number; status: 'requested' | 'approved' | 'refused';
  requestedBy: string; requestedAt: string; decidedBy: string | null; decidedAt: string | null; reason: string | null; scopePath: string;
}
export interface QuestionReports { questionId: string; stem: string; retiredOn: string | null; reports: { id: string; text: string; reportedBy: string; scopePath: string; at: string }[] }
