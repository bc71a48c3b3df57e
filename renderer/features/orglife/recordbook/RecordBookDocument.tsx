// The 三会一课 record book as organisers know it from the paper book: per meeting, time, place,
// host, recorder, expected / present / absent with reasons, agenda, minutes and resolutions.
import type { RecordBook, RecordBookEntry } from '../../../../shared/orglife/contract.js';
import { ACTIVITY_TYPES, ATTENDANCE_STATUS } from '../../../../shared/domain/enums.js';
import { useT } from '../../../i18n';

const cellHead: React.CSSProperties = { border: '1px solid #333', padding: '6px 8px', width: 110, background: '#fafafa', fontWeight: 600, whiteSpace: 'nowrap', verticalAlign: 'top' };
const cell: React.CSSProperties = { border: '1px solid #333', padding: '6px 8px', verticalAlign: 'top', whiteSpace: 'pre-wrap', wordBreak: 'break-all' };

function dateText(e: RecordBookEntry, lang: 'zh' | 'en') {
  const [y, m, d] = e.heldOn.split('-').map(Number);
  const when = lang === 'zh' ? `${y}年${m}月${d}日` : e.heldOn;
  return `${when}${e.startTime ? ` ${e.startTime}` : ''}${e.durationMin ? (lang === 'zh' ? `（${e.durationMin}分钟）` : ` (${e.durationMin} min)`) : ''}`;
}

function Entry({ e, n }: { e: RecordBookEntry; n: number }) {
  const { t, label, lang } = useT();
  const absent = e.absent.map((a) => `${a.name}（${label(ATTENDANCE_STATUS, a.status)}${a.reason ? `：${a.reason}` : ''}）`).join('；');
  const row = (k: string, v: React.ReactNode, k2?: string, v2?: React.ReactNode) => (
    <tr>
      <th style={cellHead}>{k}</th>
      <td style={cell} colSpan={k2 ? 1 : 3}>{v || '—'}</td>
      {k2 && <th style={cellHead}>{k2}</th>}
      {k2 && <td style={cell}>{v2 || '—'}</td>}
    </tr>
  );
  return (
    <section className="rc-rb-entry" style={{ marginBottom: 18, breakInside: 'avoid' }} data-testid="recordbook-entry">
      <h3 style={{ margin: '0 0 6px', fontSize: 15 }}>{n}. {e.title}</h3>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
        <tbody>
          {row(t('rb.kind'), `${label(ACTIVITY_TYPES, e.type)}${e.groupName ? `（${e.groupName}）` : ''}`, t('rb.time'), dateText(e, lang))}
          {row(t('rb.place'), e.place, t('rb.host'), e.hostName)}
          {row(t('rb.recorder'), e.recorderName, t('rb.lecturer'), e.lecturerName)}
          {row(t('rb.expected'), String(e.expected), t('rb.present'), String(e.present))}
          {row(t('rb.presentNames'), e.presentNames.join('、'))}
          {row(t('rb.absent'), absent || t('rb.none'))}
          {e.quorum && row(t('rb.quorum'), t('act.quorumDetail', { voting: e.quorum.voting, present: e.quorum.votingPresent, needed: e.quorum.needed, prob: e.quorum.probationaryLeftOut }) + (e.quorum.met ? ` · ${t('act.quorumMet')}` : ` · ${t('act.quorumNotMet')}`))}
          {row(t('rb.agenda'), e.agenda ?? e.topic)}
          {row(t('rb.minutes'), e.minutes)}
          {row(t('rb.resolutions'), e.resolutions.length ? e.resolutions.map((r, i) => (
            <div key={i}>
              {i + 1}. {r.text}
              {r.votes && `（${t('rb.votes', { yes: r.votes.yes, no: r.votes.no, abstain: r.votes.abstain })}${r.passed === null ? '' : r.passed ? ` · ${t('act.passed')}` : ` · ${t('act.notPassed')}`}）`}
            </div>
          )) : t('rb.none'))}
        </tbody>
      </table>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 48, marginTop: 6, fontSize: 13 }}>
        <span>{t('rb.signRecorder')}</span>
        <span>{t('rb.signHost')}</span>
      </div>
    </section>
  );
}

export function RecordBookDocument({ book, periodText }: { book: RecordBook; periodText: string }) {
  const { t } = useT();
  return (
    <article className="rc-recordbook" style={{ fontFamily: '"Noto Serif CJK SC", "Songti SC", SimSun, serif', color: '#000', background: '#fff', padding: 8 }}>
      <header style={{ textAlign: 'center', marginBottom: 12 }}>
        <h1 style={{ fontSize: 22, margin: 0, letterSpacing: 4 }}>{t('rb.title')}</h1>
        <div style={{ fontSize: 16, marginTop: 4 }}>{book.org.name}</div>
        <div style={{ fontSize: 13, marginTop: 4 }}>
          {t('rb.header', { unit: book.org.unitName, secretary: book.org.secretaryName ?? '—', members: book.org.memberCount, period: periodText, n: book.entries.length })}
        </div>
      </header>
      {book.entries.length === 0 ? <p style={{ textAlign: 'center' }}>{t('rb.empty')}</p> : book.entries.map((e, i) => <Entry key={e.id} e={e} n={i + 1} />)}
    </article>
  );
}
