// The columns each synced table declares: what HQ stores and serves. A write naming any other
// column has those cells refused (reason `unknown_column`, the rest of the write applied), and
// nothing outside this list is ever sent to a device. db/sync/columns.ts checks at compile time that
// the device's schema has no column missing here: adding a synced column means adding it here too
// (and upgrading HQ before the devices that write it).

/** Every synced row has these besides its own (and its id, which is not a cell). */
export const COMMON_COLUMNS = ['scope_path', 'synthetic', 'created_at', 'updated_at', 'deleted'] as const;

export const OWN_COLUMNS = {
  org_units: ['code', 'name', 'level', 'parent_id', 'path', 'sort'],
  org_unit_links: ['unit_id', 'parent_id', 'valid_from', 'valid_to'],
  outlets: ['code', 'name', 'channel_type', 'county_id', 'grid_id', 'address', 'staff_count', 'coverage_org_id', 'instructor_id', 'is_contact_point', 'opened_on', 'closed_on', 'lat', 'lng'],
  party_orgs: ['name', 'org_type', 'setting_mode', 'pairing_ratio', 'alliance_sector', 'parent_org_id', 'unit_id', 'secretary_person_id', 'term_start', 'term_end'],
  party_org_outlets: ['org_id', 'outlet_id'],
  party_org_committee: ['org_id', 'person_id', 'role'],
  party_groups: ['branch_id', 'name', 'kind', 'leader_person_id'],
  people: ['name', 'gender', 'ethnicity', 'birth_date', 'citizen_id', 'phone', 'education', 'outlet_id', 'post', 'employment', 'political_status', 'consent_on', 'notes'],
  members: ['person_id', 'branch_id', 'group_id', 'join_date', 'full_date', 'standing', 'mobility', 'mobility_destination', 'mobility_since', 'mobility_card_no', 'lost_contact', 'lost_contact_since', 'lost_contact_reason', 'dues_base_type', 'probation_extended_on', 'probation_extension_months', 'probation_extension_reason'],
  recruits: ['person_id', 'stage', 'applied_on', 'activist_on', 'candidate_on', 'probationary_on', 'full_on', 'cancelled_on', 'cultivator1_id', 'cultivator2_id', 'introducer1_id', 'introducer2_id', 'training_hours'],
  instructors: ['person_id', 'name', 'phone', 'unit_id', 'active'],
  instructor_assignments: ['instructor_id', 'outlet_id', 'valid_from', 'valid_to'],
  activities: ['org_id', 'type', 'title', 'held_on', 'start_time', 'duration_min', 'place', 'host_person_id', 'recorder_person_id', 'lecturer_person_id', 'topic', 'agenda', 'minutes', 'resolutions_json', 'reach_count', 'details_json', 'recorded_by', 'device_id', 'status', 'group_id', 'instructor_id'],
  activity_outlets: ['activity_id', 'outlet_id'],
  attendance: ['activity_id', 'person_id', 'status', 'reason'],
  settings: ['key', 'value_json'],
  attachments: ['activity_id', 'kind', 'sha256', 'mime', 'size', 'file_name', 'thumb_sha256'],
  registry_audit: ['kind', 'subject_id', 'description', 'filter_json', 'row_count', 'full_ids', 'file_name', 'user_name', 'role', 'device_id'],
  member_history: ['person_id', 'kind', 'from_value', 'to_value', 'on_date', 'reason', 'recorded_by'],
  person_merges: ['survivor_id', 'loser_id', 'reason', 'loser_snapshot_json', 'repointed_json', 'merged_by'],
  points_entries: ['person_id', 'org_id', 'quarter', 'occurred_on', 'item_key', 'points', 'source', 'source_ref', 'reason', 'evidence', 'created_by', 'moved_from'],
  points_publications: ['org_id', 'quarter', 'status', 'published_at', 'published_by', 'window_ends', 'approved_by', 'approved_at', 'rules_json', 'published_json', 'approved_json', 'reopened_json'],
  points_objections: ['publication_id', 'person_id', 'text', 'raised_by', 'answer', 'answered_by', 'answered_at'],
  rectification_items: ['kind', 'title', 'detail', 'subject_kind', 'subject_id', 'owner_person_id', 'owner_user', 'owner_role', 'due_on', 'evidence', 'status', 'done_by', 'done_on', 'verified_by', 'verified_on', 'source', 'source_ref', 'created_by', 'private_title', 'private_detail'],
  light_history: ['subject_kind', 'subject_id', 'indicator', 'period', 'colour', 'value', 'computed_at'],
  business_indicators: ['outlet_id', 'period', 'indicator', 'value', 'source', 'note', 'entered_by'],
  quiz_questions: ['kind', 'stem', 'options_json', 'answer', 'explanation', 'category', 'difficulty', 'level', 'retired_on', 'batch'],
  quiz_runs: ['person_id', 'level', 'length', 'status', 'correct', 'bonus', 'day', 'started_at', 'ended_at', 'device_id'],
  quiz_attempts: ['run_id', 'person_id', 'question_id', 'mode', 'chosen', 'correct', 'points', 'day', 'answered_at', 'elapsed_ms'],
  quiz_rewards: ['name', 'name_en', 'description', 'price', 'stock', 'active'],
  quiz_redemptions: ['reward_id', 'person_id', 'price', 'status', 'requested_at', 'requested_by', 'decided_at', 'decided_by', 'reason'],
  quiz_reports: ['question_id', 'person_id', 'text', 'reported_by'],
  dues_bases: ['person_id', 'from_month', 'category', 'base_fen', 'note', 'recorded_by'],
  dues_payments: ['person_id', 'org_id', 'month', 'amount_fen', 'paid_on', 'collector', 'method', 'note', 'recorded_by'],
  evaluations: ['org_id', 'year', 'status', 'activity_id', 'summary', 'closed_by', 'closed_at', 'created_by'],
  evaluation_grades: ['evaluation_id', 'person_id', 'grade', 'note', 'graded_by'],
  teams: ['org_id', 'kind', 'name', 'goal', 'starts_on', 'ends_on', 'leader_person_id', 'results', 'created_by'],
  team_members: ['team_id', 'person_id'],
  team_outlets: ['team_id', 'outlet_id'],
  pledges: ['person_id', 'org_id', 'year', 'pledge', 'pledged_on', 'evidence', 'outcome', 'reviewed_on', 'reviewed_by', 'review_note', 'created_by'],
  milestone_goals: ['org_id', 'year', 'title', 'team_id', 'owner_person_id', 'created_by'],
  milestone_nodes: ['goal_id', 'org_id', 'period_key', 'title', 'owner_person_id', 'standard', 'due_on', 'done_on', 'done_by', 'evidence', 'item_id'],
  pairings: ['org_id', 'title', 'ratio', 'cadence_unit', 'cadence_min', 'signed_on', 'starts_on', 'ends_on', 'terms', 'created_by'],
  pairing_parties: ['pairing_id', 'org_id', 'outside_name'],
  pairing_meetings: ['pairing_id', 'activity_id'],
  honours: ['kind', 'subject_kind', 'subject_id', 'basis_period', 'basis', 'status', 'proposed_by', 'proposed_on', 'decided_by', 'decided_on', 'note'],
  accountability: ['kind', 'subject_kind', 'subject_id', 'reason', 'held_on', 'deadline', 'outcome', 'outcome_on', 'outcome_note', 'created_by'],
  reviews: ['subject_kind', 'subject_id', 'period_key', 'kind', 'data_json', 'analysis', 'cases', 'created_by'],
  review_findings: ['review_id', 'kind', 'text', 'owner_person_id', 'item_id', 'activity_id'],
} as const satisfies Record<string, readonly string[]>;

/** Tables HQ accepts before any device writes them (shared/sync/tables.ts SYNC_TABLES) have no list yet: every cell is refused. */
const DECLARED = new Map<string, Set<string>>(Object.entries(OWN_COLUMNS).map(([t, cols]) => [t, new Set<string>([...COMMON_COLUMNS, ...cols])]));

export const isDeclaredColumn = (table: string, col: string): boolean => DECLARED.get(table)?.has(col) ?? false;

export const UNKNOWN_COLUMN = {
  code: 'unknown_column',
  zh: (cols: string[]) => `总部不认识这些字段，未保存：${cols.join('、')}（请升级应用，或联系管理员）`,
  en: (cols: string[]) => `HQ does not know these fields and did not store them: ${cols.join(', ')} (update the app or contact the administrator)`,
} as const;
