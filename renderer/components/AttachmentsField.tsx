// Photos and files of an activity or visit: chosen from disk, checked here by their bytes and
// size (the backend checks again), stored by hash, shown as thumbnails.
import { App, Button, Image, Space, Spin, Tag, Tooltip } from 'antd';
import { CloudDownloadOutlined, DeleteOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import { RULE_MESSAGES } from '../../shared/core/errors.js';
import { IMAGE_EXTENSIONS, MB, extensionOf, sniffAttachment } from '../../shared/orglife/fileTypes.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import { call } from '../api/client';
import { errorText } from './formErrors';
import { useApi } from './useApi';
import { useT } from '../i18n';
import { headBytes, makeThumbnail, readBase64 } from './files';

export interface AttachmentItem {
  sha256: string;
  thumbSha256: string | null;
  name: string;
  kind: 'photo' | 'file';
  size: number;
  /** A saved attachment's id (to load its thumbnail), or a data URL for one just chosen. */
  id?: string;
  preview?: string | null;
}

/** The record synced before its file did: say so plainly rather than show a broken image. */
function NotSyncedYet() {
  const { t } = useT();
  return (
    <div data-testid="attachment-not-synced" style={{ color: '#999', fontSize: 11, lineHeight: 1.3 }}>
      <CloudDownloadOutlined style={{ fontSize: 22, display: 'block', marginBottom: 2 }} />
      {t('act.fileNotSynced')}
    </div>
  );
}

function SavedThumb({ id }: { id: string }) {
  const thumb = useApi('attachments.read', { id, variant: 'thumb' });
  if (thumb.error) return <FileOutlined style={{ fontSize: 28, color: '#999' }} />;
  if (!thumb.data) return <Spin size="small" />;
  if (thumb.data.notSynced) return <NotSyncedYet />;
  return <Image width={72} height={72} style={{ objectFit: 'cover' }} src={`data:${thumb.data.mime};base64,${thumb.data.dataBase64}`} preview={false} />;
}

export function AttachmentsField(props: { value: AttachmentItem[]; onChange(v: AttachmentItem[]): void; settings?: OrgLifeSettings }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const rule = (key: string, extra = '') => (lang === 'en' ? RULE_MESSAGES[key]!.en : RULE_MESSAGES[key]!.zh + extra);

  const add = async (files: FileList | null) => {
    const list = [...(files ?? [])];
    if (input.current) input.current.value = '';
    let current = props.value;
    for (const file of list) {
      const kind = file.type.startsWith('image/') || IMAGE_EXTENSIONS.includes(extensionOf(file.name)) ? 'photo' : 'file';
      const sniffed = sniffAttachment(await headBytes(file), file.name, kind);
      if ('problem' in sniffed) {
        message.error(`${file.name}：${rule(sniffed.problem)}`);
        continue;
      }
      const limitMb = props.settings ? (sniffed.kind === 'photo' ? props.settings.attachments.maxPhotoMb : props.settings.attachments.maxFileMb) : null;
      if (limitMb && file.size > limitMb * MB) {
        message.error(`${file.name}：${rule('attachment.too_large', `（上限 ${limitMb}MB）`)}`);
        continue;
      }
      setBusy((n) => n + 1);
      try {
        const thumb = sniffed.kind === 'photo' ? await makeThumbnail(file) : null;
        const stored = await call('attachments.put', { fileName: file.name, kind: sniffed.kind, dataBase64: await readBase64(file), thumbBase64: thumb });
        if (!current.some((a) => a.sha256 === stored.sha256)) {
          current = [...current, { sha256: stored.sha256, thumbSha256: stored.thumbSha256, name: file.name, kind: stored.kind, size: stored.size, preview: thumb ? `data:image/jpeg;base64,${thumb}` : null }];
          props.onChange(current);
        }
      } catch (e) {
        message.error(`${file.name}：${errorText(e, lang)}`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  return (
    <div>
      <Space wrap size={8} style={{ marginBottom: 8 }}>
        {props.value.map((a) => (
          <div key={a.sha256} data-testid="attachment" style={{ width: 96, textAlign: 'center', border: '1px solid #f0f0f0', borderRadius: 4, padding: 4 }}>
            <div style={{ height: 72, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              {a.preview ? <Image width={72} height={72} style={{ objectFit: 'cover' }} src={a.preview} preview={false} /> : a.id && a.kind === 'photo' ? <SavedThumb id={a.id} /> : <FileOutlined style={{ fontSize: 28, color: '#999' }} />}
            </div>
            <Tooltip title={a.name}>
              <div style={{ fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{a.name}</div>
            </Tooltip>
            <Tag style={{ margin: 0 }}>{(a.size / MB).toFixed(a.size < MB ? 2 : 1)}MB</Tag>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${a.name}`} onClick={() => props.onChange(props.value.filter((x) => x.sha256 !== a.sha256))} />
          </div>
        ))}
      </Space>
      <div>
        <input ref={input} type="file" multiple accept="image/jpeg,image/png,image/webp,image/gif,.pdf,.doc,.docx,.xls,.xlsx" style={{ display: 'none' }} aria-label={t('act.chooseFiles')} onChange={(e) => void add(e.target.files)} />
        <Button icon={<PaperClipOutlined />} loading={busy > 0} onClick={() => input.current?.click()}>{t('act.addFiles')}</Button>
        <span style={{ marginLeft: 8, color: '#999', fontSize: 12 }}>{t('act.filesHint', { mb: props.settings?.attachments.maxPhotoMb ?? 10 })}</span>
      </div>
    </div>
  );
}
