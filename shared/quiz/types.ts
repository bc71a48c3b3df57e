// Result shapes of the quiz operations.
import type { QuestionKind } from './bank.js';
import type { LedgerLine } from './ledger.js';
import type { RunStatus } from './rules.js';

export interface QuizPlayer { id: string; name: string; outletName: string; isMember: boolean }

/** A question as the player sees it: no answer until it has been answered. */
export interface QuizQuestionView { id: string; kind: QuestionKind; stem: string; options: string[]; category: string; categoryZh: string; categoryEn: string; difficulty: number; level: number }

export interface QuizOverview {
  person: QuizPlayer;
  levels: { level: number; questions: number; unlocked: boolean; passed: boolean }[];
  balance: number;
  today: { counted: number; cap: number };
  reviewDue: number;
  levelLength: number;
  timeLimitSeconds: number;
}

export interface RunStep {
  runId: string;
  level: number;
  length: number;
  index: number;
  correctCount: number;
  status: RunStatus;
  question: QuizQuestionView | null;
  timeLimitSeconds: number;
}

export interface AnswerResult {
  correct: boolean;
  answer: string;
  explanation: string;
  /** Points this answer (and a passed level) added after the daily cap. */
  gained: number;
  capReached: boolean;
  step: RunStep;
}

export interface ReviewStep { due: number; question: QuizQuestionView | null }
export interface ReviewResult { correct: boolean; answer: string; explanation: string; next: ReviewStep }

export interface QuizLedger { balance: number; earned: number; overCap: number; spent: number; lines: LedgerLine[] }

export interface QuizReward { id: string; name: string; nameEn: string; description: string; price: number; stock: number }

export interface QuizRedemption {
  id: string; rewardId: string; rewardName: string; price: number; status: 'requested' | 'approved' | 'refused';
  requestedAt: string; decidedAt: string | null; decidedBy: string | null; reason: string | null;
}

export interface StandingRow { key: string; name: string; people: number; players: number; participation: number; avgScore: number | null; levelsPassed: number }
export interface QuizStandings { rows: StandingRow[]; individuals: { name: string; outletName: string; levelsPassed: number; earned: number }[] | null }
