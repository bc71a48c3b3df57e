import type { Migration } from 'kysely';
import * as core from './2026_11_21_core.js';
import * as sync from './2026_11_22_sync.js';
import * as registry from './2026_11_23_registry.js';
import * as orglife from './2026_11_24_orglife.js';
import * as peopleIndexes from './2026_11_25_people_indexes.js';
import * as syncOutbox from './2026_11_26_sync_outbox.js';
import * as searchDeferred from './2026_11_27_search_deferred.js';
import * as searchSlim from './2026_11_28_search_slim.js';
import * as syncBlobs from './2026_11_29_sync_blobs.js';
import * as redundantIndexes from './2026_11_30_redundant_indexes.js';
import * as syncRelay from './2026_12_01_sync_relay.js';
import * as importMappings from './2026_12_03_import_mappings.js';
import * as points from './2026_12_04_points.js';
import * as assessment from './2026_12_04_assessment.js';
import * as businessIndicators from './2026_12_04_business_indicators.js';
import * as quiz from './2026_12_05_quiz.js';
import * as dues from './2026_12_05_dues.js';
import * as evaluation from './2026_12_05_evaluation.js';
import * as work334 from './2026_12_05_work334.js';
import * as pairing from './2026_12_05_pairing.js';
import * as honours from './2026_12_05_honours.js';
import * as work334Reviews from './2026_12_05_zz_work334_reviews.js';
import * as itemPrivacy from './2026_12_06_item_privacy.js';
import * as historyAsOf from './2026_12_06_history_asof.js';
import * as thresholdsSingle from './2026_12_06_thresholds_single.js';
import * as historySeq from './2026_12_06_zzz_history_seq.js';
import * as probationExtension from './2026_12_06_zz_probation_extension.js';
import * as history from './2026_12_05_history.js';
import * as enrolKeep from './2026_12_05_zz_enrol_keep.js';
import * as boardSpeed from './2026_12_06_zz_board_speed.js';
import * as memberWarnings from './2026_12_06_zzzz_member_warnings.js';
import * as qualityBlank from './2026_12_07_quality_blank.js';
import * as activitiesHeld from './2026_12_08_activities_held.js';
import * as attendanceLive from './2026_12_09_attendance_live.js';

// Names sort by date; append new migrations, never edit a landed one.
export const migrations: Record<string, Migration> = {
  '2026_11_21_core': core,
  '2026_11_22_sync': sync,
  '2026_11_23_registry': registry,
  '2026_11_24_orglife': orglife,
  '2026_11_25_people_indexes': peopleIndexes,
  '2026_11_26_sync_outbox': syncOutbox,
  '2026_11_27_search_deferred': searchDeferred,
  '2026_11_28_search_slim': searchSlim,
  '2026_11_29_sync_blobs': syncBlobs,
  '2026_11_30_redundant_indexes': redundantIndexes,
  '2026_12_01_sync_relay': syncRelay,
  '2026_12_03_import_mappings': importMappings,
  '2026_12_04_points': points,
  '2026_12_04_assessment': assessment,
  '2026_12_04_business_indicators': businessIndicators,
  '2026_12_05_quiz': quiz,
  '2026_12_05_dues': dues,
  '2026_12_05_evaluation': evaluation,
  '2026_12_05_work334': work334,
  '2026_12_05_pairing': pairing,
  '2026_12_05_honours': honours,
  '2026_12_05_history': history,
  '2026_12_05_zz_enrol_keep': enrolKeep,
  '2026_12_05_zz_work334_reviews': work334Reviews,
  '2026_12_06_item_privacy': itemPrivacy,
  '2026_12_06_history_asof': historyAsOf,
  '2026_12_06_thresholds_single': thresholdsSingle,
  '2026_12_06_zzz_history_seq': historySeq,
  '2026_12_06_zz_probation_extension': probationExtension,
  '2026_12_06_zz_board_speed': boardSpeed,
  '2026_12_06_zzzz_member_warnings': memberWarnings,
  '2026_12_07_quality_blank': qualityBlank,
  '2026_12_08_activities_held': activitiesHeld,
  '2026_12_09_attendance_live': attendanceLive,
};
