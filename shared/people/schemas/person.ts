import { todayInBeijing } from '../../core/dates.js';
import { z } from 'zod';
import { birthDateFromCitizenId, genderFromCitizenId } from '../../domain/citizenId.js';
import {
  DUES_BASE_TYPES, EDUCATION, EMPLOYMENT, ETHNICITIES, GENDERS, MOBILITY, POLITICAL_STATUS, POSTS, RECRUIT_STAGES, STANDINGS,
} from '../../domain/enums.js';
import { citizenId, enumOf, id, isoDate, name, optId, optText, phone } from '../../core/schemas.js';

const pastDate = isoDate.refine((d) => d <= todayInBeijing(), { message: 'date.future' });
const optPastDate = pastDate.nullable().optional().transform((v) => v ?? null);
const nullable = <T extends z.ZodTypeAny>(t: T) => t.nullable().optional().transform((v) => v ?? null);

export const memberInput = z
  .strictObject({
    branchId: id,
    groupId: optId,
    joinDate: pastDate,
    fullDate: optPastDate,
    standing: enumOf(STANDINGS).default('normal'),
    mobility: enumOf(MOBILITY).default('none'),
    mobilityDestination: optText(100),
    mobilitySince: optPastDate,
    mobilityCardNo: optText(40),
    lostContact: z.boolean().default(false),
    lostContactSince: optPastDate,
    lostContactReason: optText(200),
    duesBaseType: enumOf(DUES_BASE_TYPES).default('wage'),
  })
  .refine((m) => !m.fullDate || m.fullDate >= m.joinDate, { message: 'member.full_date_before_join', path: ['fullDate'] })
  .refine((m) => m.mobility === 'none' || (m.mobilityDestination && m.mobilitySince), {
    message: 'member.mobility_details',
    path: ['mobilityDestination'],
  })
  .refine((m) => !m.lostContact || (m.lostContactSince && m.lostContactReason), {
    message: 'member.lost_contact_details',
    path: ['lostContactReason'],
  });
export type MemberInput = z.input<typeof memberInput>;

export const recruitInput = z.strictObject({
  stage: enumOf(RECRUIT_STAGES),
  appliedOn: optPastDate,
  activistOn: optPastDate,
  candidateOn: optPastDate,
  probationaryOn: optPastDate,
  fullOn: optPastDate,
  cancelledOn: optPastDate,
  cultivator1Id: optId,
  cultivator2Id: optId,
  introducer1Id: optId,
  introducer2Id: optId,
  trainingHours: z.number().min(0).max(1000).default(0),
});
export type RecruitInput = z.input<typeof recruitInput>;

export const personInput = z
  .strictObject({
    id: id.optional(),
    name: name(40),
    gender: nullable(enumOf(GENDERS)),
    ethnicity: nullable(z.enum(ETHNICITIES)),
    birthDate: optPastDate,
    // undefined keeps the stored value (a masked role edits without seeing it); null clears it.
    citizenId: citizenId.nullable().optional(),
    phone: phone.nullable().optional(),
    education: nullable(enumOf(EDUCATION)),
    outletId: optId,
    post: nullable(enumOf(POSTS)),
    employment: nullable(enumOf(EMPLOYMENT)),
    politicalStatus: enumOf(POLITICAL_STATUS),
    consentOn: optPastDate,
    notes: optText(500),
    member: memberInput.nullable().optional().transform((v) => v ?? null),
    recruit: recruitInput.nullable().optional().transform((v) => v ?? null),
  })
  .transform((p) => {
    // The id carries birth date and gender; fill them when the user left them blank.
    if (p.citizenId) {
      p.birthDate ??= birthDateFromCitizenId(p.citizenId);
      p.gender ??= genderFromCitizenId(p.citizenId);
    }
    return p;
  })
  .superRefine((p, ctx) => {
    if (p.citizenId) {
      if (p.birthDate !== birthDateFromCitizenId(p.citizenId))
        ctx.addIssue({ code: 'custom', message: 'citizen_id.birth_mismatch', path: ['birthDate'] });
      if (p.gender !== genderFromCitizenId(p.citizenId))
        ctx.addIssue({ code: 'custom', message: 'citizen_id.gender_mismatch', path: ['gender'] });
    }
    const isParty = p.politicalStatus === 'full_member' || p.politicalStatus === 'probationary';
    if (isParty && !p.member) ctx.addIssue({ code: 'custom', message: 'member.required_for_party', path: ['member'] });
    if (!isParty && p.member) ctx.addIssue({ code: 'custom', message: 'member.not_party', path: ['member'] });
    if (p.employment === 'partner_staff' && !p.consentOn)
      ctx.addIssue({ code: 'custom', message: 'consent.partner_staff', path: ['consentOn'] });
  });
export type PersonInput = z.input<typeof personInput>;
export type PersonParsed = z.output<typeof personInput>;
