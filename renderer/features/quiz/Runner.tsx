// One question at a time, large and touch-friendly: options as big buttons, keys 1–4 / A–D to choose
// and Enter to confirm (or go on); the right answer and its explanation after answering; an optional
// countdown that answers "nothing" when it runs out. Serves a level run and the review alike.
import { Alert, App, Button, Card, Input, Modal, Progress, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { QuizQuestionView } from '../../../shared/quiz/types.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useT } from '../../i18n';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

export interface Feedback { correct: boolean; answer: string; explanation: string; gained: number; capReached: boolean; timedOut: boolean }

export interface RunnerProps {
  personId: string;
  question: QuizQuestionView;
  /** e.g. "第 2 / 5 题" or "复习 · 待复习 3 题" */
  heading: string;
  percent: number;
  timeLimitSeconds: number;
  /** Sends the answer; returns what to show. */
  onAnswer(chosen: string, elapsedMs: number): Promise<Feedback>;
  /** Moves on after the feedback: the next question, or the end. */
  onNext(): void;
  nextLabel: string;
  onExit(): void;
}

export function Runner(p: RunnerProps) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>([]);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState(p.timeLimitSeconds);
  const [reporting, setReporting] = useState(false);
  const [reportText, setReportText] = useState('');
  const shownAt = useRef(performance.now());
  const q = p.question;

  // Layout effects, not passive ones: between a new question's paint and a passive effect, a fast key
  // press would still reach the previous question's handler (which ignores it) and be lost.
  useLayoutEffect(() => {
    setChosen([]);
    setFeedback(null);
    setLeft(p.timeLimitSeconds);
    shownAt.current = performance.now();
  }, [q.id, p.timeLimitSeconds]);

  const submit = useCallback(async (letters: string[], timedOut = false) => {
    if (busy || feedback) return;
    setBusy(true);
    try {
      const f = await p.onAnswer(timedOut ? '' : [...letters].sort().join(''), Math.round(performance.now() - shownAt.current));
      setFeedback({ ...f, timedOut });
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }, [busy, feedback, p, message, lang]);

  useEffect(() => {
    if (!p.timeLimitSeconds || feedback) return;
    const id = setInterval(() => {
      const l = p.timeLimitSeconds - Math.floor((performance.now() - shownAt.current) / 1000);
      setLeft(Math.max(0, l));
      if (l <= 0) void submit([], true);
    }, 250);
    return () => clearInterval(id);
  }, [p.timeLimitSeconds, feedback, submit]);

  const pick = useCallback((letter: string) => {
    if (feedback) return;
    if (q.kind === 'multiple') setChosen((c) => (c.includes(letter) ? c.filter((x) => x !== letter) : [...c, letter]));
    else setChosen([letter]);
  }, [feedback, q.kind]);

  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (reporting || e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key.toUpperCase();
      const i = /^[1-6]$/.test(k) ? Number(k) - 1 : LETTERS.indexOf(k);
      if (i >= 0 && i < q.options.length) {
        e.preventDefault();
        pick(LETTERS[i]!);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (feedback) p.onNext();
        else if (chosen.length) void submit(chosen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [q.options.length, pick, feedback, chosen, submit, p, reporting]);

  const sendReport = async () => {
    try {
      await call('quiz.report', { personId: p.personId, questionId: q.id, text: reportText });
      message.success(t('quiz.reportSent'));
      setReporting(false);
      setReportText('');
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const optionStyle = (letter: string) => {
    const right = feedback?.answer.includes(letter);
    const mine = chosen.includes(letter);
    const border = feedback ? (right ? '#52c41a' : mine ? '#ff4d4f' : '#d9d9d9') : mine ? '#c8102e' : '#d9d9d9';
    const bg = feedback ? (right ? '#f6ffed' : mine ? '#fff1f0' : '#fff') : mine ? '#fff0f0' : '#fff';
    return { height: 'auto', minHeight: 64, padding: '12px 20px', fontSize: 20, textAlign: 'left' as const, whiteSpace: 'normal' as const, border: `2px solid ${border}`, background: bg, justifyContent: 'flex-start' };
  };

  return (
    <Card
      title={<Space><span style={{ fontSize: 18 }}>{p.heading}</span><Tag color="red">{lang === 'en' ? q.categoryEn : q.categoryZh}</Tag><Tag>{t(`quiz.kind.${q.kind}`)}</Tag></Space>}
      extra={<Space>{p.timeLimitSeconds > 0 && !feedback && <Tag color={left <= 5 ? 'red' : 'blue'} style={{ fontSize: 16, padding: '4px 8px' }}>{t('quiz.secondsLeft', { n: left })}</Tag>}<Button onClick={p.onExit}>{t('quiz.exit')}</Button></Space>}
    >
      <Progress percent={p.percent} showInfo={false} strokeColor="#c8102e" />
      <Typography.Paragraph style={{ fontSize: 26, lineHeight: 1.5, margin: '16px 0 24px' }} data-testid="quiz-stem">{q.stem}</Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: q.options.length > 2 ? '1fr 1fr' : '1fr 1fr', gap: 12 }}>
        {q.options.map((o, i) => (
          <Button key={LETTERS[i]} style={optionStyle(LETTERS[i]!)} onClick={() => pick(LETTERS[i]!)} aria-pressed={chosen.includes(LETTERS[i]!)} data-testid={`quiz-option-${LETTERS[i]}`}>
            <b style={{ marginRight: 12 }}>{LETTERS[i]}</b>{o}
          </Button>
        ))}
      </div>
      {!feedback ? (
        <Space style={{ marginTop: 24, width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{t('quiz.keys')}</Typography.Text>
          <Button type="primary" size="large" style={{ minWidth: 160, height: 52, fontSize: 20 }} disabled={!chosen.length} loading={busy} onClick={() => void submit(chosen)}>{t('quiz.submit')}</Button>
        </Space>
      ) : (
        <div style={{ marginTop: 24 }}>
          <Alert
            type={feedback.correct ? 'success' : 'error'} showIcon
            message={<span style={{ fontSize: 20 }}>{feedback.timedOut ? t('quiz.timeout') : feedback.correct ? t('quiz.right') : t('quiz.wrong')}{feedback.gained > 0 && <Tag color="gold" style={{ marginLeft: 12, fontSize: 16 }}>{t('quiz.gained', { n: feedback.gained })}</Tag>}</span>}
            description={<div style={{ fontSize: 16 }}>
              <div>{t('quiz.answerIs', { a: feedback.answer.split('').map((l) => `${l}. ${q.options[LETTERS.indexOf(l)] ?? ''}`).join('；') })}</div>
              {feedback.explanation && <div><b>{t('quiz.explanation')}：</b>{feedback.explanation}</div>}
              {feedback.capReached && feedback.correct && <div style={{ marginTop: 4 }}>{t('quiz.capReached')}</div>}
            </div>}
          />
          <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
            <Button type="link" onClick={() => setReporting(true)}>{t('quiz.report')}</Button>
            <Button type="primary" size="large" style={{ minWidth: 160, height: 52, fontSize: 20 }} onClick={p.onNext} autoFocus>{p.nextLabel}</Button>
          </Space>
        </div>
      )}
      <Modal open={reporting} title={t('quiz.reportTitle')} onCancel={() => setReporting(false)} onOk={() => void sendReport()} okButtonProps={{ disabled: reportText.trim().length < 2 }}>
        <Typography.Paragraph>{q.stem}</Typography.Paragraph>
        <Input.TextArea aria-label={t('quiz.reportText')} placeholder={t('quiz.reportText')} value={reportText} onChange={(e) => setReportText(e.target.value)} maxLength={300} rows={3} />
      </Modal>
    </Card>
  );
}
