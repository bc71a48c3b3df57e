// Locks the app after `security.idle_lock_minutes` without input, with a warning a minute ahead. A page
// hidden for longer than the idle time (the browser's stand-in for the computer sleeping) locks as
// soon as it is shown again; Electron's main process sends a lock on suspend and screen lock.
import { Button, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { IDLE_WARNING_SECONDS } from '../../../shared/security/settings.js';
import { useT } from '../../i18n';

const ACTIVITY = ['mousedown', 'mousemove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** Seconds until the lock while the warning shows, else null. */
export function useIdleLock(minutes: number, onLock: () => void): { secondsLeft: number | null; stay(): void } {
  const idleMs = minutes * 60_000;
  const last = useRef(Date.now());
  const hiddenAt = useRef<number | null>(null);
  const warned = useRef(false);
  const locked = useRef(false);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lockRef = useRef(onLock);
  lockRef.current = onLock;

  useEffect(() => {
    const lock = () => {
      if (locked.current) return;
      locked.current = true;
      setSecondsLeft(null);
      lockRef.current();
    };
    const check = () => {
      if (locked.current) return;
      const left = last.current + idleMs - Date.now();
      if (left <= 0) return lock();
      warned.current = left <= IDLE_WARNING_SECONDS * 1000;
      setSecondsLeft(warned.current ? Math.ceil(left / 1000) : null);
    };
    // Once warned, only "Stay signed in" keeps the session: a stray mouse move is not a decision.
    const active = () => {
      if (!warned.current) last.current = Date.now();
    };
    const visibility = () => {
      if (document.visibilityState === 'hidden') hiddenAt.current = Date.now();
      else {
        if (hiddenAt.current !== null && Date.now() - hiddenAt.current >= idleMs) lock();
        hiddenAt.current = null;
        check();
      }
    };
    for (const e of ACTIVITY) window.addEventListener(e, active, { passive: true, capture: true });
    document.addEventListener('visibilitychange', visibility);
    const timer = window.setInterval(check, 1000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, active, { capture: true });
      document.removeEventListener('visibilitychange', visibility);
      window.clearInterval(timer);
    };
  }, [idleMs]);

  const stay = () => {
    last.current = Date.now();
    warned.current = false;
    setSecondsLeft(null);
  };
  return { secondsLeft, stay };
}

export function IdleLockWarning({ minutes, onLock }: { minutes: number; onLock(): void }) {
  const { t } = useT();
  const { secondsLeft, stay } = useIdleLock(minutes, onLock);
  // Unmounted rather than closed: a closing dialog keeps showing its last countdown while it fades.
  if (secondsLeft === null) return null;
  return (
    <Modal
      open
      title={t('signin.lock.warnTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Space>
          <Button onClick={onLock} data-testid="idle-lock-now">{t('signin.lock.lockNow')}</Button>
          <Button type="primary" onClick={stay} data-testid="idle-stay">{t('signin.lock.stay')}</Button>
        </Space>
      }
    >
      <div data-testid="idle-warning">
        <Typography.Paragraph>{t('signin.lock.warnBody', { seconds: secondsLeft })}</Typography.Paragraph>
      </div>
    </Modal>
  );
}
