// Resolutions of a meeting, each optionally put to a vote (yes / no / abstain).
import { Button, Checkbox, Input, InputNumber, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';

export interface ResolutionItem {
  text: string;
  voted: boolean;
  yes: number | null;
  no: number | null;
  abstain: number | null;
}

export function ResolutionsEditor(props: { value: ResolutionItem[]; onChange(v: ResolutionItem[]): void; canVote: boolean }) {
  const { t } = useT();
  const set = (i: number, patch: Partial<ResolutionItem>) => props.onChange(props.value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {props.value.map((r, i) => (
        <Space key={i} wrap align="start">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} style={{ width: 360 }} maxLength={500} value={r.text} placeholder={t('act.resolutionHint')}
            aria-label={`${t('act.resolution')} ${i + 1}`} onChange={(e) => set(i, { text: e.target.value })} />
          {props.canVote && <Checkbox checked={r.voted} onChange={(e) => set(i, { voted: e.target.checked })}>{t('act.putToVote')}</Checkbox>}
          {props.canVote && r.voted && (
            <>
              <InputNumber size="small" min={0} max={10000} value={r.yes} addonBefore={t('act.yes')} style={{ width: 120 }} onChange={(v) => set(i, { yes: v })} aria-label={t('act.yes')} />
              <InputNumber size="small" min={0} max={10000} value={r.no} addonBefore={t('act.no')} style={{ width: 120 }} onChange={(v) => set(i, { no: v })} aria-label={t('act.no')} />
              <InputNumber size="small" min={0} max={10000} value={r.abstain} addonBefore={t('act.abstain')} style={{ width: 120 }} onChange={(v) => set(i, { abstain: v })} aria-label={t('act.abstain')} />
            </>
          )}
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => props.onChange(props.value.filter((_, j) => j !== i))} />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => props.onChange([...props.value, { text: '', voted: false, yes: null, no: null, abstain: null }])}>
        {t('act.addResolution')}
      </Button>
    </Space>
  );
}
