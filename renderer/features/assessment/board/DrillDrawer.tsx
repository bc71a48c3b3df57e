// A light's causes: the records that made it what it is, with a way to open a rectification item.
import { Alert, Button, Descriptions, Drawer, Table, Typography } from 'antd';
import type { BoardLight, Cause } from '../../../../shared/assessment/types.js';
import { LightDot } from '../../../components/LightDot';
import { useT } from '../../../i18n';
import { INDICATORS_L, SUBJECT_KINDS_L, valueText } from '../labels';

const CAUSE_KIND = {
  person: { zh: '人员', en: 'Person' }, org: { zh: '党组织', en: 'Organisation' }, outlet: { zh: '网点', en: 'Outlet' },
  instructor: { zh: '指导员', en: 'Instructor' }, item: { zh: '事项', en: 'Item' },
};

export function DrillDrawer(props: { light: BoardLight | null; period: string; escalated: boolean; canOpenItem: boolean; onClose(): void; onOpenItem(l: BoardLight): void }) {
  const { t, label, lang } = useT();
  const l = props.light;
  return (
    <Drawer open={!!l} onClose={props.onClose} size={620} title={l ? `${l.subjectName} · ${label(INDICATORS_L, l.indicator)}` : ''} data-testid="as-drill"
      extra={l && l.colour === 'red' && props.canOpenItem && (l.subjectKind === 'org' || l.subjectKind === 'outlet') ? (
        <Button type="primary" danger onClick={() => props.onOpenItem(l)} data-testid="as-open-item">{t('as.openItem')}</Button>
      ) : null}
    >
      {l && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }} items={[
            { key: 'k', label: t('as.subjectKind'), children: label(SUBJECT_KINDS_L, l.subjectKind) },
            { key: 'p', label: t('as.period'), children: props.period },
            { key: 'c', label: t('as.status'), children: <><LightDot light={l.colour} /> {label({ red: { zh: '红灯', en: 'Red' }, yellow: { zh: '黄灯', en: 'Yellow' }, green: { zh: '绿灯', en: 'Green' }, none: { zh: '无', en: 'None' } }, l.colour)}</> },
            { key: 'v', label: t('as.value'), children: `${valueText(l, lang)}${l.derived ? `（${t('as.derived')}）` : ''}` },
          ]} />
          {props.escalated && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('as.escalated')} />}
          {l.causeCount === 0 ? (
            <Typography.Text type="secondary">{t('as.noCauses')}</Typography.Text>
          ) : (
            <>
              <Typography.Text strong>{l.causeCount > l.causes.length ? t('as.causesCut', { shown: l.causes.length, n: l.causeCount }) : t('as.causes', { n: l.causeCount })}</Typography.Text>
              <Table<Cause>
                size="small" rowKey={(c) => `${c.kind}|${c.id}|${c.detail?.zh ?? ''}`} dataSource={l.causes} pagination={{ pageSize: 15, size: 'small' }} style={{ marginTop: 8 }}
                columns={[
                  { title: t('as.subjectKind'), dataIndex: 'kind', width: 80, render: (k: Cause['kind']) => CAUSE_KIND[k][lang] },
                  { title: t('as.subject'), dataIndex: 'name', width: 160 },
                  { title: t('as.detail'), key: 'd', render: (_: unknown, c) => c.detail?.[lang] ?? '' },
                ]}
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
