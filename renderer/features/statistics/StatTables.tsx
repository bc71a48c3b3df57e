// The five statistics tables as county offices lay them out (shared/statistics/tables.ts), drawn
// the same way on screen and on paper: plain tables, so the printed PDF carries every count.
import type { StatTable } from '../../../shared/statistics/tables.js';

export function StatTables({ tables, compact = false }: { tables: StatTable[]; compact?: boolean }) {
  const cell = { border: '1px solid #d9d9d9', padding: compact ? '2px 4px' : '4px 8px' } as const;
  return (
    <>
      {tables.map((t) => (
        <section key={t.key} data-testid={`st-table-${t.key}`} style={{ marginBottom: compact ? 12 : 20, breakInside: 'avoid' }}>
          <h4 style={{ margin: '0 0 6px' }}>{t.title}</h4>
          <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: compact ? 11 : 13 }}>
            <thead>
              <tr>{t.columns.map((c) => <th key={c} style={{ ...cell, background: '#fafafa', textAlign: 'left' }}>{c}</th>)}</tr>
            </thead>
            <tbody>
              {t.rows.map((r, i) => (
                <tr key={i}>{r.map((v, j) => <td key={j} style={{ ...cell, textAlign: typeof v === 'number' || /%$|^—$/.test(String(v)) ? 'right' : 'left' }}>{v}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
