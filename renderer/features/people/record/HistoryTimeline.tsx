import { Timeline, Typography } from 'antd';
import { MOBILITY, POLITICAL_STATUS, RECRUIT_STAGES, STANDINGS, type Labelled } from '../../../../shared/domain/enums.js';
import type { HistoryEntry } from '../../../../shared/people/types.js';
import { formatDay } from '../../../components/formatDate';
import { useT } from '../../../i18n';
import { useRegText, type RegKey } from '../text';

const TABLES: Record<string, Labelled> = { standing: STANDINGS, political_status: POLITICAL_STATUS, recruit_stage: RECRUIT_STAGES };

/** A person's recorded changes (standing, mobility, lost contact, status, stage, branch, merges), newest first. */
export function HistoryTimeline({ entries }: { entries: HistoryEntry[] | undefined }) {
  const r = useRegText();
  const { label, lang } = useT();
  // Chinese punctuation in Chinese, ASCII in English.
  const [colon, open, close] = lang === 'en' ? [': ', ' (', ')'] : ['：', '（', '）'];
  const show = (h: HistoryEntry, v: string | null) => {
    if (!v) return '—';
    if (TABLES[h.kind]) return label(TABLES[h.kind]!, v);
    if (h.kind === 'mobility') return v === 'none' ? label(MOBILITY, 'none') : `${label(MOBILITY, v.split(':')[0])}${colon}${v.split(':').slice(1).join(':')}`;
    if (h.kind === 'lost_contact') return v === 'lost' ? r('change.lostYes') : r('change.lostNo');
    return v;
  };
  if (!entries?.length) return <Typography.Text type="secondary">{r('history.empty')}</Typography.Text>;
  return (
    <Timeline
      items={entries.map((h) => ({
        key: h.id,
        content: (
          <div>
            <Typography.Text strong>{formatDay(h.onDate)}</Typography.Text> {r(`kind.${h.kind}` as RegKey)}{colon}{h.kind === 'merge' ? show(h, h.fromValue) : `${show(h, h.fromValue)} → ${show(h, h.toValue)}`}
            <Typography.Text type="secondary">{h.reason ? `${open}${h.reason}${close}` : ''} · {h.recordedBy}</Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
