// Naming the registry person an enrolment code is for, from the console's code dialog: who the
// device's user is (a branch secretary sees that branch's dues amounts, hq/duesReveal.ts).
import { z } from 'zod';

export const codePeopleQuery = z.strictObject({ scope: z.string().max(400), q: z.string().max(40).default('') });

export const codePersonInput = z.strictObject({ code: z.string().min(4).max(40), personId: z.string().min(8).max(64) });

/** A person of the registry as the dialog offers them: the branch they belong to and whether they are its secretary. */
export interface CodePersonOption { personId: string; name: string; branch: string | null; secretary: boolean }

export interface CodePersonAnswer { personId: string; name: string; secretaryOf: string[] }
