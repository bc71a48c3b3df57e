// An enrolment code as HQ issued it: the text to type and the QR code a device reads from a picture.
import { Alert, Modal, Space, Typography } from 'antd';
import type { EnrolCodeAnswer } from '../../shared/console/types.js';
import { ROLES as ROLE_LABELS, type Labelled } from '../../shared/domain/enums.js';

const ROLES: Labelled = ROLE_LABELS;
import { useCT } from './i18n';

export function CodeModal({ code, onClose }: { code: EnrolCodeAnswer | null; onClose(): void }) {
  const { t, lang } = useCT();
  return (
    <Modal open={!!code} title={t('c.code.title')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={460}>
      {code && (
        <Space direction="vertical" style={{ width: '100%', alignItems: 'center' }}>
          <Typography.Text type="secondary">{t('c.code.for', { user: code.userName, role: ROLES[code.role]?.[lang] ?? code.role, scope: code.scopePath })}</Typography.Text>
          <Typography.Text data-testid="enrol-code" copyable style={{ fontSize: 26, fontFamily: 'monospace', letterSpacing: 2 }}>{code.code}</Typography.Text>
          <img src={code.qrDataUrl} alt={code.code} data-testid="enrol-qr" width={220} height={220} />
          <Alert type="info" showIcon title={t('c.code.hint', { days: code.expiresInDays })} />
        </Space>
      )}
    </Modal>
  );
}
