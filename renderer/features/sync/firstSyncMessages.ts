// Strings of a first sync's progress on the 同步 screen (FirstSyncCard), Chinese first.
import type { Lang } from '../../i18n';

const zh = {
  title: '首次同步：正在从总部下载本机管理范围内的数据',
  paused: '首次同步已暂停：已下载的数据已保存，连上总部后会从中断处继续，不会重新开始',
  rows: '记录',
  rowsValue: '{done} / {total} 条',
  size: '数据量',
  sizeValue: '{done} / {total} MB',
  left: '预计剩余时间',
  leftUnknown: '计算中…',
  seconds: '约 {n} 秒',
  minutes: '约 {n} 分钟',
  help: '下载期间本机可以照常使用；已下载的部分已保存在本机，网络中断后会接着下载。',
};

const en: Record<Key, string> = {
  title: 'First sync: downloading the data of this device\u2019s scope from HQ',
  paused: 'First sync paused: what has been downloaded is saved, and it continues from there (not from the start) once HQ is reachable',
  rows: 'Records',
  rowsValue: '{done} / {total}',
  size: 'Data',
  sizeValue: '{done} / {total} MB',
  left: 'Time left',
  leftUnknown: 'estimating…',
  seconds: 'about {n} s',
  minutes: 'about {n} min',
  help: 'The device can be used as usual meanwhile; what has arrived is saved, and a broken connection resumes where it stopped.',
};

type Key = keyof typeof zh;

export function firstSyncText(lang: Lang, key: Key, vars?: Record<string, string | number>): string {
  let s = (lang === 'en' ? en : zh)[key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}
