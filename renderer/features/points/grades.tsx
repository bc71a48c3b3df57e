// A grade as a coloured tag, and the probationary / three-lists flags, shared by the tables.
import { Tag } from 'antd';
import { GRADES, type Grade } from '../../../shared/points/tally.js';
import { useT } from '../../i18n';

const COLOR: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'default', poor: 'red' };

export function GradeTag({ grade }: { grade: Grade | null }) {
  const { label } = useT();
  return grade ? <Tag color={COLOR[grade]}>{label(GRADES, grade)}</Tag> : null;
}

export function NameCell({ name, probationary }: { name: string; probationary: boolean }) {
  const { t } = useT();
  return (
    <span>
      {name}
      {probationary && <Tag color="orange" style={{ marginLeft: 6 }}>{t('points.probationary')}</Tag>}
    </span>
  );
}
