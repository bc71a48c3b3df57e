import { Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ImportRowPreview } from '../../../../shared/people/types.js';
import { useLang, useT } from '../../../i18n';
import { useRegText } from '../text';

const COLOR = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' } as const;

/**
 * Every row of the file with what the import would do: errors in red (the row is not imported),
 * warnings in orange (it is imported, with the change each one names).
 */
export function PreviewTable({ rows }: { rows: ImportRowPreview[] }) {
  const r = useRegText();
  const { t } = useT();
  const lang = useLang((s) => s.lang);
  const hasProblems = rows.some((x) => x.action === 'error');
  const [only, setOnly] = useState(hasProblems);
  const shown = only ? rows.filter((x) => x.action === 'error') : rows;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Checkbox checked={only} onChange={(e) => setOnly(e.target.checked)}>{r('import.onlyProblems')}</Checkbox>
      <Table<ImportRowPreview>
        size="small"
        rowKey="rowNo"
        virtual
        scroll={{ y: 420, x: 900 }}
        pagination={false}
        dataSource={shown}
        columns={[
          { title: r('import.row'), dataIndex: 'rowNo', width: 70 },
          { title: r('name'), dataIndex: 'name', width: 110 },
          { title: lang === 'zh' ? '身份证号' : 'Citizen ID', dataIndex: 'citizenId', width: 190 },
          {
            title: r('import.action'),
            dataIndex: 'action',
            width: 100,
            render: (a: ImportRowPreview['action'], row) => (
              <Space size={2} orientation="vertical">
                <Tag color={COLOR[a]}>{r(`action.${a}`)}</Tag>
                {a !== 'error' && row.notes.length > 0 && <Tag color="orange">{t('import.warningTag')}</Tag>}
              </Space>
            ),
          },
          {
            title: r('import.problems'),
            render: (_, row) => (
              <div>
                {row.problems.map((x, i) => (
                  <div key={`p${i}`}><Typography.Text type="danger">{lang === 'en' ? x.messageEn : x.message}</Typography.Text></div>
                ))}
                {row.notes.map((x, i) => (
                  <div key={`n${i}`}><Typography.Text type="warning">{lang === 'en' ? x.messageEn : x.message}</Typography.Text></div>
                ))}
              </div>
            ),
          },
        ]}
      />
    </Space>
  );
}
