// Strings of the console's code dialog for naming the person an enrolment code is for
// (renderer/console/CodeModal.tsx). Chinese first; English second.
export const zhCP = {
  'cp.title': '使用人（可选）',
  'cp.hint': '指定此注册码对应人员库中的哪一位。若其为某支部书记，该设备的这位使用人可以看到本支部党员的党费金额；书记变更后在下次同步时随之调整。',
  'cp.search': '按姓名查找人员',
  'cp.branch': '{branch}',
  'cp.secretary': '{branch}书记',
  'cp.none': '非党员',
  'cp.name': '指定为使用人',
  'cp.named': '已指定使用人：{name}',
  'cp.namedSecretary': '已指定使用人：{name}（{branches}书记，可看到本支部党员的党费金额）',
} as const;

export const enCP: Record<keyof typeof zhCP, string> = {
  'cp.title': 'User (optional)',
  'cp.hint': 'Which person of the registry this code is for. If they are a branch secretary, this user of the device sees the dues amounts of that branch\'s members; a change of secretary follows at the next sync.',
  'cp.search': 'Find a person by name',
  'cp.branch': '{branch}',
  'cp.secretary': 'Secretary of {branch}',
  'cp.none': 'Not a member',
  'cp.name': 'Name as the user',
  'cp.named': 'User named: {name}',
  'cp.namedSecretary': 'User named: {name} (secretary of {branches}: sees that branch\'s dues amounts)',
};
