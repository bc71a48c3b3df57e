// One line of words per due item, shared by 待办 and the calendar.
import { maskedTitle } from '../../../../shared/assessment/itemPrivacy.js';
import { ACTIVITY_TYPES } from '../../../../shared/domain/enums.js';
import type { DueItem } from '../../../../shared/orglife/due.js';
import { parsePeriodKey, periodLabel } from '../../../../shared/orglife/periods.js';
import { STANDING_FLAGS } from '../../../../shared/people/memberRules.js';
import { useT } from '../../../i18n';

export function useDueText() {
  const { t, label, lang } = useT();
  return (d: DueItem) => {
    const period = parsePeriodKey(d.periodKey);
    const when = period ? periodLabel(period, lang) : d.periodKey;
    switch (d.kind) {
      case 'meeting':
        return `${label(ACTIVITY_TYPES, d.activityType)}${d.groupName ? `（${d.groupName}）` : ''} · ${d.orgName ?? ''} · ${when}`;
      case 'visit':
        return t('due.visit', { outlet: d.outletName ?? '', instructor: d.instructorName ?? '', when });
      case 'duty':
        return t('due.duty', { type: label(ACTIVITY_TYPES, d.activityType), instructor: d.instructorName ?? '', when });
      case 'conversion':
        return t('due.conversion', { name: d.personName ?? '', org: d.orgName ?? '', day: d.deadline });
      case 'standing':
        return `${d.standing ? STANDING_FLAGS[d.standing][lang] : ''} · ${d.personName ?? ''}（${d.orgName ?? ''}）`;
      case 'rectification':
        return t('due.item', { title: d.item?.masked ? maskedTitle(d.item.source)[lang] : d.item?.title ?? '', owner: d.item?.ownerName ?? t('due.itemRole') });
    }
  };
}
