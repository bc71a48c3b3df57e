// The org unit tree of 组织架构. Each unit shows its whole name (cut with an ellipsis only when the
// panel is too narrow, whole on hover) and two counts that say on hover what they count, with a key
// under the search box (field trial: names cut to one character, "2369/842" explained nowhere).
import { Tooltip, Tree, Typography } from 'antd';
import { useMemo } from 'react';
import type { OrgUnit } from '../../../shared/org/types.js';
import { useT } from '../../i18n';

interface TreeNode {
  key: string;
  title: React.ReactNode;
  children: TreeNode[];
}

type T = ReturnType<typeof useT>['t'];

function nodeTitle(u: OrgUnit, t: T) {
  return (
    <span style={{ display: 'flex', gap: 6, alignItems: 'baseline', minWidth: 0 }}>
      <span data-testid="org-unit-name" title={u.name} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}>{u.name}</span>
      <Tooltip title={t('org.countsHint', { outlets: u.outletCount, members: u.memberCount })}>
        <Typography.Text type="secondary" data-testid="org-unit-counts" style={{ fontSize: 12, flexShrink: 0 }}>{u.outletCount}/{u.memberCount}</Typography.Text>
      </Tooltip>
    </span>
  );
}

function buildTree(units: OrgUnit[], filter: string, t: T): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  const keep = new Set<string>();
  if (filter) {
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      if (!u.name.includes(filter)) continue;
      for (let cur: OrgUnit | undefined = u; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) keep.add(cur.id);
    }
  }
  for (const u of units) {
    if (filter && !keep.has(u.id)) continue;
    nodes.set(u.id, { key: u.id, title: nodeTitle(u, t), children: [] });
  }
  for (const u of units) {
    const n = nodes.get(u.id);
    if (!n) continue;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

export function OrgTree({ units, filter, selected, onSelect }: { units: OrgUnit[]; filter: string; selected?: string; onSelect(id: string | undefined): void }) {
  const { t, lang } = useT();
  // t changes only with the language.
  const tree = useMemo(() => buildTree(units, filter, t), [units, filter, lang]);
  return (
    <>
      <Typography.Text type="secondary" data-testid="org-counts-key" style={{ fontSize: 12, display: 'block', marginBottom: 4 }}>{t('org.countsKey')}</Typography.Text>
      <div style={{ height: 'calc(100vh - 232px)', overflow: 'auto' }}>
        <Tree treeData={tree} selectedKeys={selected ? [selected] : []} onSelect={(k) => onSelect(k[0] as string | undefined)} defaultExpandAll={units.length < 150 || !!filter}
          defaultExpandedKeys={tree.flatMap((n) => [n.key, ...n.children.map((c) => c.key)])}
          key={`${filter}|${units.length}`} blockNode className="rc-org-tree" />
      </div>
    </>
  );
}
