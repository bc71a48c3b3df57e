// "No raw ISO timestamps anywhere": the renderer writes dates and times through one helper
// (renderer/components/formatDate.ts, Beijing time) and takes "today" from todayInBeijing(). A
// screen that prints a stored timestamp as it is ("2026-12-03T23:30:00.000Z"), cuts one with
// .slice(0, 10) (the UTC day, a day early every evening after 16:00 UTC), formats with the
// computer's locale, or asks dayjs() for today fails here, with the file and line.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HELPER = 'renderer/components/formatDate.ts';

const RULES: { re: RegExp; why: string }[] = [
  { re: /\bdayjs\(\s*\)/, why: "dayjs() is the computer's day: use dayjs(todayInBeijing())" },
  { re: /\.toLocale(?:Date|Time)?String\(/, why: "the computer's locale and time zone: use formatDateTime" },
  { re: /\.toISOString\(/, why: 'a UTC ISO string: use formatDay / formatDateTime, or todayInBeijing()' },
  { re: /\.(?:slice|substring|substr)\(\s*0\s*,\s*(?:10|16|19)\s*\)/, why: "cuts an ISO timestamp to its UTC day: use formatDay" },
  // A table column of a timestamp field (…At, at) with no render prints the raw string.
  { re: /dataIndex:\s*'(?:at|[a-z]\w*At)'(?![^\n]*render:)/, why: 'a timestamp column without a render: render with formatDateTime' },
  // A timestamp field put straight into JSX or a template string (key={r.at} is not shown).
  { re: /(?<![=\w])\{\s*[\w$.?!]+\.(?:at|[a-z]\w*At)\s*\}/, why: 'a timestamp printed raw: wrap it in formatDateTime' },
];

export function dateOffences(file: string, text: string): string[] {
  if (file === HELPER) return [];
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*(?:\/\/|\*)/.test(line)) return;
    for (const r of RULES) if (r.re.test(line)) out.push(`${file}:${i + 1}: ${r.why}`);
  });
  return out;
}

function rendererFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'renderer'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\n').filter((f) => /\.(ts|tsx)$/.test(f));
}

describe('dates in the renderer', () => {
  it('no renderer file prints a raw timestamp or asks the computer for today', () => {
    const found = rendererFiles().flatMap((f) => {
      try {
        return dateOffences(f, readFileSync(resolve(ROOT, f), 'utf8'));
      } catch {
        return []; // removed since git listed it
      }
    });
    expect(found).toEqual([]);
  });

  it('catches each way a timestamp leaks, with its line', () => {
    const f = 'renderer/features/x/X.tsx';
    expect(dateOffences(f, "const [day] = useState(dayjs());")).toHaveLength(1);
    expect(dateOffences(f, "render: (v: string) => new Date(v).toLocaleString('zh-CN')")).toHaveLength(1);
    expect(dateOffences(f, 'x\nconst on = new Date().toISOString();')).toEqual([`${f}:2: a UTC ISO string: use formatDay / formatDateTime, or todayInBeijing()`]);
    expect(dateOffences(f, 'render: (v: string) => v.slice(0, 10)')).toHaveLength(1);
    expect(dateOffences(f, "{ title: 'When', dataIndex: 'updatedAt', width: 110 },")).toHaveLength(1);
    expect(dateOffences(f, "{ title: 'When', dataIndex: 'at' },")).toHaveLength(1);
    expect(dateOffences(f, '<Typography.Text>{existing.updatedAt}</Typography.Text>')).toHaveLength(1);
    expect(dateOffences(f, 'message={`saved ${row.createdAt}`}')).toHaveLength(1);
  });

  it('lets through what shows no timestamp', () => {
    const f = 'renderer/features/x/X.tsx';
    const fine = [
      "const [day] = useState(() => dayjs(todayInBeijing()));",
      "heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : ''",
      "{ title: 'When', dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },",
      '{rows.map((r) => <div key={r.at}>{formatDateTime(r.at)}</div>)}',
      "{ title: 'Held', dataIndex: 'heldOn', width: 104 },",
      'const code = name.slice(0, 4);',
      '// dayjs() would be the computer day',
    ];
    expect(fine.flatMap((l) => dateOffences(f, l))).toEqual([]);
    expect(dateOffences(HELPER, 'return new Date(t).toISOString();')).toEqual([]);
  });
});
