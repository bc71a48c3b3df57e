// Who the person is, where they belong and their standing, read-only. Ids and phones come masked
// (as on every screen); 查看完整信息 shows them for the roles allowed, and is logged.
import { Alert, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { EDUCATION, EMPLOYMENT, GENDERS, MOBILITY, POLITICAL_STATUS, POSTS, RECRUIT_STAGES, STANDINGS } from '../../../../shared/domain/enums.js';
import type { PersonRecord } from '../../../../shared/people/recordTypes.js';
import { formatDay } from '../../../components/formatDate';
import { useT } from '../../../i18n';
import { RevealButton } from '../RevealButton';
import { useFieldLabel } from '../text';

// Label: value in three columns, no grid: the whole record up to the meetings fits a 768-px screen.
const LOOK = { size: 'small', column: 3, styles: { label: { color: '#8c8c8c' }, header: { marginBottom: 4 } } } as const;

const STATUS_COLOR: Record<string, string | undefined> = { full_member: 'red', probationary: 'volcano' };

export function RecordSummary({ record }: { record: PersonRecord }) {
  const { t, label } = useT();
  const F = useFieldLabel();
  const p = record.person;
  const m = p.member;
  const [full, setFull] = useState<{ citizenId?: string; phone?: string }>({});
  const dash = (v: string | null | undefined) => (v ? v : '—');
  const day = (v: string | null | undefined) => formatDay(v);
  const reveal = record.mayReveal && p.citizenIdMasked && !full.citizenId ? <RevealButton personId={p.id} onRevealed={setFull} /> : null;

  const identity = [
    { key: 'gender', label: F('gender'), children: dash(label(GENDERS, p.gender)) },
    { key: 'birthDate', label: F('birthDate'), children: day(p.birthDate) },
    { key: 'ethnicity', label: F('ethnicity'), children: dash(p.ethnicity) },
    { key: 'citizenId', label: F('citizenId'), children: <span data-testid="record-citizen-id">{dash(full.citizenId ?? p.citizenId)} {reveal}</span> },
    { key: 'phone', label: F('phone'), children: dash(full.phone ?? p.phone) },
    { key: 'education', label: F('education'), children: dash(label(EDUCATION, p.education)) },
    { key: 'employment', label: F('employment'), children: dash(label(EMPLOYMENT, p.employment)) },
    ...(p.employment === 'partner_staff' ? [{ key: 'consentOn', label: F('consentOn'), children: day(p.consentOn) }] : []),
    ...(p.notes ? [{ key: 'notes', label: F('notes'), children: p.notes, span: 3 }] : []),
  ];
  const organisation = [
    { key: 'branch', label: F('branchId'), children: dash(m?.branchName) },
    { key: 'outlet', label: F('outletId'), children: dash(p.outletName) },
    { key: 'post', label: F('post'), children: dash(label(POSTS, p.post)) },
  ];
  const standing = [
    { key: 'status', label: F('politicalStatus'), children: <Tag color={STATUS_COLOR[p.politicalStatus]}>{label(POLITICAL_STATUS, p.politicalStatus)}</Tag> },
    ...(m
      ? [
          { key: 'standing', label: F('standing'), children: label(STANDINGS, m.standing) },
          { key: 'joinDate', label: F('joinDate'), children: day(m.joinDate) },
          { key: 'fullDate', label: F('fullDate'), children: day(m.fullDate) },
          {
            key: 'mobility', label: F('mobility'),
            children: m.mobility === 'none' ? label(MOBILITY, 'none') : t('person.mobilityValue', { kind: label(MOBILITY, m.mobility), place: dash(m.mobilityDestination), since: day(m.mobilitySince) }),
          },
          { key: 'lost', label: F('lostContact'), children: m.lostContact ? t('person.lostValue', { since: day(m.lostContactSince), reason: dash(m.lostContactReason) }) : t('common.no') },
        ]
      : []),
    ...(p.recruit ? [{ key: 'stage', label: F('stage'), children: label(RECRUIT_STAGES, p.recruit.stage) }] : []),
  ];
  const pr = record.probation;
  return (
    <>
      <Descriptions {...LOOK} title={t('person.identity')} items={identity} />
      <Descriptions {...LOOK} title={t('person.organisation')} items={organisation} style={{ marginTop: 8 }} />
      <Descriptions {...LOOK} title={t('person.standing')} items={standing} style={{ marginTop: 8 }} />
      {pr && (
        <Alert
          style={{ marginTop: 8 }}
          type={pr.overdue ? 'warning' : 'info'}
          showIcon
          data-testid="record-probation"
          title={t('person.probationEnds', { date: formatDay(pr.endsOn), admitted: formatDay(pr.admittedOn), months: pr.months + (pr.extension?.months ?? 0) })}
          description={[
            pr.extension ? t('person.probationExtended', { on: formatDay(pr.extension.decidedOn), months: pr.extension.months, reason: pr.extension.reason }) : null,
            pr.overdue ? t('person.probationOverdue') : null,
          ].filter(Boolean).join(' ') || undefined}
        />
      )}
      {p.synthetic && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('common.synthetic')} />}
    </>
  );
}
