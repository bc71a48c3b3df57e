// UI strings. Chinese first; English is the second language. Enum labels live in shared/domain/enums.ts.
// Each feature's strings are in texts/<feature>.ts; a key belongs to exactly one of them.
import * as app from './texts/app';
import * as assessment from './texts/assessment';
import * as dashboard from './texts/dashboard';
import * as org from './texts/org';
import * as orglife from './texts/orglife';
import * as people from './texts/people';
import * as signin from './texts/signin';
import * as points from './texts/points';
import * as quiz from './texts/quiz';
import * as work334 from './texts/work334';
import * as dues from './texts/dues';
import * as assessmentViews from './texts/assessmentViews';
import * as history from './texts/history';
import * as statistics from './texts/statistics';

export const zh = { ...app.zh, ...dashboard.zh, ...org.zh, ...people.zh, ...orglife.zh, ...points.zh, ...quiz.zh, ...assessment.zh, ...assessmentViews.zh, ...signin.zh, ...work334.zh, ...dues.zh, ...history.zh, ...statistics.zh } as const;

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = { ...app.en, ...dashboard.en, ...org.en, ...people.en, ...orglife.en, ...points.en, ...quiz.en, ...assessment.en, ...assessmentViews.en, ...signin.en, ...work334.en, ...dues.en, ...history.en, ...statistics.en };
