// Strings of relay by file on the 同步 screen (RelayPanel), Chinese first.
import type { Lang } from '../../i18n';

const zh = {
  title: 'U盘转交同步（无网络时使用）',
  help: '没有网络时，点击“导出同步包”，用U盘把文件带到能连接总部的电脑：同事在其“同步”页面点击“转交他人的同步包”（或由总部导入），得到回执文件后带回本机，点击“导入回执”。文件已加密，只有总部和本机能读取；重复导入不会重复生效。',
  export: '导出同步包',
  import: '导入回执',
  forward: '转交他人的同步包',
  forwardNeedsHq: '本机连接总部时才能转交',
  notReady: '本机尚未取得总部的加密密钥：请先联网同步一次，再使用同步包。',
  notEnrolled: '注册之后才能使用同步包，现在无法导出：同步包用本机与总部之间的密钥加密，总部只接收它认识的设备的同步包，而本机还没有注册。注册需要连上总部一次（可带着本机到有网络的地方完成）；注册以后，没有网络时就能用U盘转交。',
  lastExport: '上次导出',
  lastExportValue: '{at}（{n} 条修改）',
  lastImport: '上次导入回执',
  never: '尚未使用',
  exported: '同步包已导出（{n} 条修改），请用U盘带到能连接总部的电脑转交。',
  exportedMore: '修改较多，本次同步包未能全部装下：导入回执后请再次导出。',
  imported: '回执已导入：上传 {up} 条，下载 {down} 条，冲突 {conflicts} 条',
  rejected: '其中 {n} 条修改被总部拒绝，原因见下方“被拒修改”。',
  pullSkipped: '本机已更新，回执中的下载部分已跳过',
  more: '还有更多数据未同步，请再次导出同步包',
  already: '该回执已导入，未做任何更改',
  wiped: '此设备已被总部停用，本机数据已清除。',
  forwarded: '已为 {who} 转交：上传 {up} 条，下载 {down} 条，冲突 {conflicts} 条。回执文件已保存，请带回该设备，在“同步”页面点击“导入回执”。',
  forwardedMore: '该设备还有更多数据未同步：导入回执后请让其再次导出。',
  forwardedRevoked: '{who} 的设备已被总部停用，其修改未被接收。回执文件已保存：带回该设备导入后，该设备将清除本机数据。',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Relay by USB stick (when there is no network)',
  help: 'Without a network, export a sync bundle and carry it on a USB stick to a computer that reaches HQ: a colleague forwards it from their Sync screen (or HQ imports it), and you bring the answer file back and import it here. The files are encrypted for HQ and this device only; importing twice changes nothing.',
  export: 'Export sync bundle',
  import: 'Import answer',
  forward: 'Forward someone else\u2019s bundle',
  forwardNeedsHq: 'Forwarding needs a connection to HQ',
  notReady: 'This device does not have HQ\u2019s encryption key yet: sync online once, then use bundles.',
  notEnrolled: 'Sync bundles work only after enrolment, so none can be exported yet: a bundle is encrypted with a key this device shares with HQ, and HQ accepts bundles only from devices it knows, which this one is not until it is enrolled. Enrolment needs HQ to be reached once (take the device where there is a network); after that, the USB stick works without one.',
  lastExport: 'Last export',
  lastExportValue: '{at} ({n} changes)',
  lastImport: 'Last answer imported',
  never: 'Not yet',
  exported: 'Bundle exported ({n} changes): carry it to a computer that reaches HQ.',
  exportedMore: 'Not every change fitted in this bundle: export again after importing its answer.',
  imported: 'Answer imported: {up} sent, {down} received, {conflicts} conflicts',
  rejected: '{n} of the changes were rejected by HQ; see Rejected changes below.',
  pullSkipped: 'This device has moved on; the download part of the answer was skipped',
  more: 'More remains to sync: export a bundle again',
  already: 'This answer was imported before; nothing was changed',
  wiped: 'HQ has revoked this device and its data has been wiped.',
  forwarded: 'Forwarded for {who}: {up} sent, {down} received, {conflicts} conflicts. The answer file is saved: take it back to that device and import it there.',
  forwardedMore: 'That device has more to sync: it should export again after importing the answer.',
  forwardedRevoked: 'HQ has revoked {who}\u2019s device; its changes were not accepted. The answer file is saved: imported there, it wipes that device.',
};

export function relayText(lang: Lang, key: Key, vars?: Record<string, string | number>): string {
  let s = (lang === 'en' ? en : zh)[key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}
