import { TreeSelect } from 'antd';
import type { OrgUnit } from '../../shared/org/types.js';
import type { OrgUnitLevel } from '../../shared/domain/enums.js';

export interface UnitNode {
  value: string;
  title: string;
  disabled?: boolean;
  children: UnitNode[];
}

export function unitTree(units: OrgUnit[], selectable?: OrgUnitLevel[]): UnitNode[] {
  const byId = new Map<string, UnitNode>();
  const roots: UnitNode[] = [];
  for (const u of units) byId.set(u.id, { value: u.id, title: u.name, disabled: selectable ? !selectable.includes(u.level) : false, children: [] });
  for (const u of units) {
    const node = byId.get(u.id)!;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function UnitSelect(props: {
  units: OrgUnit[];
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  levels?: OrgUnitLevel[];
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}) {
  return (
    <TreeSelect
      id={props.id}
      style={props.style}
      value={props.value ?? undefined}
      onChange={props.onChange}
      treeData={unitTree(props.units, props.levels)}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={props.units.length < 60}
      popupMatchSelectWidth={false}
    />
  );
}
