// A player's board: balance, today's points against the cap, reviews due, the levels (passed, open,
// locked); and the run or the review in progress, then the run's result.
import { App, Button, Card, Col, Empty, Result, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AnswerResult, QuizOverview, ReviewStep, RunStep } from '../../../shared/quiz/types.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { Runner, type Feedback } from './Runner';

type Mode =
  | { kind: 'board' }
  | { kind: 'run'; step: RunStep; last: AnswerResult | null; gained: number }
  | { kind: 'done'; step: RunStep; gained: number }
  | { kind: 'review'; step: ReviewStep; next: ReviewStep | null };

export function PlayPanel({ personId }: { personId: string }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const ov = useApi('quiz.overview', { personId });
  const [mode, setMode] = useState<Mode>({ kind: 'board' });
  const back = () => {
    setMode({ kind: 'board' });
    void ov.reload();
  };

  const start = async (level: number) => {
    try {
      setMode({ kind: 'run', step: await call('quiz.start', { personId, level }), last: null, gained: 0 });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const startReview = async () => setMode({ kind: 'review', step: await call('quiz.review', { personId }), next: null });

  if (mode.kind === 'run' && mode.step.question) {
    const s = mode.step;
    const q = s.question!;
    const onAnswer = async (chosen: string, elapsedMs: number): Promise<Feedback> => {
      const r = await call('quiz.answer', { runId: s.runId, questionId: q.id, chosen, elapsedMs });
      setMode({ ...mode, last: r, gained: mode.gained + r.gained });
      return { ...r, timedOut: false };
    };
    const onNext = () => {
      const r = mode.last;
      if (!r) return;
      if (r.step.status === 'open' && r.step.question) setMode({ kind: 'run', step: r.step, last: null, gained: mode.gained });
      else setMode({ kind: 'done', step: r.step, gained: mode.gained });
    };
    const ending = mode.last !== null && mode.last.step.status !== 'open';
    return (
      <Runner
        personId={personId} question={q} heading={`${t('quiz.level', { n: s.level })} · ${t('quiz.progress', { i: s.index, n: s.length })}`}
        percent={(100 * (s.index - 1)) / s.length} timeLimitSeconds={s.timeLimitSeconds} onAnswer={onAnswer} onNext={onNext}
        nextLabel={ending ? t('quiz.finish') : t('quiz.next')} onExit={back}
      />
    );
  }
  if (mode.kind === 'done') {
    const s = mode.step;
    const passed = s.status === 'passed';
    return (
      <Card>
        <Result
          status={passed ? 'success' : 'warning'} title={<span style={{ fontSize: 28 }}>{passed ? t('quiz.passed') : t('quiz.failed')}</span>}
          subTitle={<span style={{ fontSize: 18 }}>{t('quiz.result', { c: s.correctCount, n: s.length, p: mode.gained })}{passed ? '' : ` ${t('quiz.failedHint')}`}</span>}
          extra={[
            <Button key="b" size="large" onClick={back}>{t('quiz.backToLevels')}</Button>,
            <Button key="a" size="large" type="primary" onClick={() => void start(s.level)}>{t('quiz.again')}</Button>,
          ]}
        />
      </Card>
    );
  }
  if (mode.kind === 'review') {
    const s = mode.step;
    if (!s.question) return <Card><Result status="success" title={t('quiz.reviewDone')} extra={<Button size="large" onClick={back}>{t('quiz.backToLevels')}</Button>} /></Card>;
    const onAnswer = async (chosen: string): Promise<Feedback> => {
      const r = await call('quiz.reviewAnswer', { personId, questionId: s.question!.id, chosen });
      setMode({ ...mode, next: r.next });
      return { correct: r.correct, answer: r.answer, explanation: r.explanation, gained: 0, capReached: false, timedOut: false };
    };
    return (
      <Runner
        personId={personId} question={s.question} heading={t('quiz.reviewing', { n: s.due })} percent={0} timeLimitSeconds={0}
        onAnswer={onAnswer} onNext={() => mode.next && setMode({ kind: 'review', step: mode.next, next: null })} nextLabel={t('quiz.next')} onExit={back}
      />
    );
  }
  return <Board ov={ov.data} loading={ov.loading} onStart={(l) => void start(l)} onReview={() => void startReview()} />;
}

function Board({ ov, loading, onStart, onReview }: { ov: QuizOverview | undefined; loading: boolean; onStart(level: number): void; onReview(): void }) {
  const { t } = useT();
  if (!ov) return <Card loading={loading} />;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}><Card><Statistic title={t('quiz.balance')} value={ov.balance} valueStyle={{ color: '#c8102e', fontSize: 36 }} /></Card></Col>
        <Col span={8}><Card><Statistic title={t('quiz.today')} value={t('quiz.todayOf', { n: ov.today.counted, cap: ov.today.cap })} valueStyle={{ fontSize: 36 }} />{ov.today.counted >= ov.today.cap && <Typography.Text type="secondary">{t('quiz.capReached')}</Typography.Text>}</Card></Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('quiz.review')} value={ov.reviewDue ? t('quiz.reviewDue', { n: ov.reviewDue }) : t('quiz.reviewNone')} valueStyle={{ fontSize: 22 }} />
            <Button type="primary" ghost size="large" disabled={!ov.reviewDue} onClick={onReview} style={{ marginTop: 8 }}>{t('quiz.reviewStart')}</Button>
          </Card>
        </Col>
      </Row>
      {ov.levels.length === 0 ? <Empty description={t('quiz.noBank')} /> : (
        <Row gutter={[16, 16]}>
          {ov.levels.map((l) => (
            <Col span={6} key={l.level}>
              <Card
                hoverable={l.unlocked} onClick={() => l.unlocked && onStart(l.level)} data-testid={`quiz-level-${l.level}`}
                style={{ textAlign: 'center', opacity: l.unlocked ? 1 : 0.55, borderColor: l.passed ? '#52c41a' : undefined }}
              >
                <div style={{ fontSize: 26, fontWeight: 600 }}>{t('quiz.level', { n: l.level })}</div>
                <div style={{ margin: '8px 0' }}>{l.passed ? <Tag color="green">{t('quiz.levelPassed')}</Tag> : l.unlocked ? <Tag color="red">{t('quiz.levelOpen')}</Tag> : <Tag>{t('quiz.levelLocked')}</Tag>}</div>
                <Typography.Text type="secondary">{t('quiz.levelQuestions', { n: l.questions, len: Math.min(ov.levelLength, l.questions) })}</Typography.Text>
                <div style={{ marginTop: 12 }}><Button type="primary" size="large" disabled={!l.unlocked}>{l.passed ? t('quiz.again') : t('quiz.start')}</Button></div>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
