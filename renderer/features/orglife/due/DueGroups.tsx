// 待办 by kind, then by organisation or instructor: folding groups that say how many items they
// hold and how urgent, a page of groups at a time and a page of items within a group, so a county's
// few hundred items fit a 1366×768 screen without a scroll box inside the page.
import { Button, List, Pagination, Space, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { DueItem, DueLevel, Settle } from '../../../../shared/orglife/due.js';
import { useT } from '../../../i18n';
import { DUE_COLOR, DUE_KIND, DUE_LEVEL } from '../activities/labels';
import { LevelCountsLine } from './DueCounts';
import { useDueText } from './dueText';
import type { DueGroup, DueKind, DueSection } from './dueModel';

/** Groups shown per page within a kind, and items per page within a group. */
export const GROUP_PAGE = 8;
export const ITEM_PAGE = 10;

const ACTION: Record<DueKind, 'due.record' | 'due.visitNow' | 'due.convert' | 'due.openMember' | 'due.openItem'> = {
  meeting: 'due.record', duty: 'due.record', visit: 'due.visitNow', conversion: 'due.convert', standing: 'due.openMember', rectification: 'due.openItem',
};

function DueRow({ d, onSettle }: { d: DueItem; onSettle(s: Settle): void }) {
  const { t, label } = useT();
  const text = useDueText();
  return (
    <List.Item
      data-testid="due-item"
      actions={[<Button key="go" size="small" type={d.level === 'overdue' ? 'primary' : 'default'} onClick={() => onSettle(d.settle)}>{t(ACTION[d.kind])}</Button>]}
    >
      <Space size={8} wrap>
        <Tag color={DUE_COLOR[d.level]} style={{ marginInlineEnd: 0 }}>{label(DUE_LEVEL, d.level)}</Tag>
        <span>{text(d)}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d.overdueDays > 0 ? t('due.overdueDays', { n: d.overdueDays }) : t('due.deadline', { day: d.deadline })}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

function GroupItems({ g, onSettle }: { g: DueGroup; onSettle(s: Settle): void }) {
  return (
    <List<DueItem>
      size="small"
      dataSource={g.items}
      rowKey="key"
      pagination={g.items.length > ITEM_PAGE ? { pageSize: ITEM_PAGE, size: 'small', showSizeChanger: false, align: 'end' } : false}
      renderItem={(d) => <DueRow d={d} onSettle={onSettle} />}
    />
  );
}

/** A folding group: its header says whose items these are, how many and how urgent. */
function GroupBox(props: { g: DueGroup; open: boolean; onToggle(): void; hints: Record<DueLevel, string>; onSettle(s: Settle): void }) {
  const { t } = useT();
  const { g } = props;
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, marginBottom: 6 }}>
      <div
        role="button" tabIndex={0} aria-expanded={props.open} data-testid="due-group"
        onClick={props.onToggle}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), props.onToggle())}
        style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px', padding: '8px 12px', cursor: 'pointer', background: '#fafafa', borderRadius: 6 }}
      >
        <RightOutlined rotate={props.open ? 90 : 0} style={{ fontSize: 11, color: '#888' }} />
        <Typography.Text strong>{g.title ?? t('due.noOrg')}</Typography.Text>
        <Typography.Text type="secondary">{t('due.group', { n: g.items.length })}</Typography.Text>
        <LevelCountsLine counts={g.counts} hints={props.hints} compact />
      </div>
      {props.open && <div style={{ padding: '0 12px' }}><GroupItems g={g} onSettle={props.onSettle} /></div>}
    </div>
  );
}

function SectionGroups(props: { s: DueSection; isOpen(key: string): boolean; toggle(key: string): void; hints: Record<DueLevel, string>; onSettle(s: Settle): void }) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(props.s.groups.length / GROUP_PAGE));
  const current = Math.min(page, pages);
  const shown = props.s.groups.slice((current - 1) * GROUP_PAGE, current * GROUP_PAGE);
  return (
    <>
      {shown.map((g) => (
        <GroupBox key={g.key} g={g} open={props.isOpen(g.key)} onToggle={() => props.toggle(g.key)} hints={props.hints} onSettle={props.onSettle} />
      ))}
      {pages > 1 && (
        <Pagination size="small" align="end" current={current} pageSize={GROUP_PAGE} total={props.s.groups.length} showSizeChanger={false} onChange={setPage} />
      )}
    </>
  );
}

/**
 * Each kind under its heading with its counts; its groups start open when the whole list is short
 * (an instructor's month), folded when it is long (a county's). What the user opens or folds stays
 * so across reloads after a save.
 */
export function DueSections(props: { sections: DueSection[]; openGroups: boolean; hints: Record<DueLevel, string>; onSettle(s: Settle): void }) {
  const { t, label } = useT();
  const [set, setSet] = useState<Record<string, boolean>>({});
  const isOpen = (key: string) => set[key] ?? props.openGroups;
  const toggle = (key: string) => setSet((prev) => ({ ...prev, [key]: !isOpen(key) }));
  return (
    <>
      {props.sections.map((s) => (
        <section key={s.kind} style={{ marginBottom: 12 }}>
          <Space size={12} wrap data-testid={`due-section-${s.kind}`} style={{ margin: '4px 0 8px' }}>
            <Typography.Text strong style={{ fontSize: 15 }}>{label(DUE_KIND, s.kind)}</Typography.Text>
            <Typography.Text type="secondary">{t('due.group', { n: s.total })}</Typography.Text>
            <LevelCountsLine counts={s.counts} hints={props.hints} compact />
          </Space>
          <SectionGroups s={s} isOpen={isOpen} toggle={toggle} hints={props.hints} onSettle={props.onSettle} />
        </section>
      ))}
    </>
  );
}
