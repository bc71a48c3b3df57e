// A photo whose record reached this device before its file did shows a plain "not synced yet"
// placeholder instead of a broken image; a photo that is here shows its thumbnail. The 同步 screen
// counts the files still to send and to fetch.
import { render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AttachmentsField } from '../../renderer/components/AttachmentsField';
import { StatusPanel } from '../../renderer/features/sync/StatusPanel';
import { syncStatus } from '../../db/sync/records.js';
import { attachmentsFromDetail } from '../../renderer/features/orglife/activities/formModel';
import { call } from '../support/builders.js';
import { buildWorld, pngBytes, themeDay, type World } from '../orglife/world.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
let w: World;
beforeEach(async () => {
  backend = await realBackend();
  w = await buildWorld(backend.context());
});
afterEach(async () => backend.cleanup());

/** Two photos recorded here; the second one's files then removed, as if its record had come by sync alone. */
async function twoPhotos() {
  const ctx = backend.context();
  const refs = [];
  for (const [i, shade] of [40, 80].entries()) {
    const b = await call(ctx, 'attachments.put', { fileName: `照片${i}.png`, kind: 'photo', dataBase64: pngBytes(8, 6, [shade, 0, 0]).toString('base64'), thumbBase64: pngBytes(2, 2, [shade, 0, 0]).toString('base64') });
    refs.push({ sha256: b.sha256, thumbSha256: b.thumbSha256, name: `照片${i}.png` });
  }
  const saved = await call(ctx, 'activities.save', themeDay(w, '2026-11-05', { attachments: refs }));
  for (const h of [refs[1]!.sha256, refs[1]!.thumbSha256!]) rmSync(join(backend.dir, 'files', h.slice(0, 2), h));
  return saved;
}

it('counts on the 同步 screen the attachments whose files are still to upload and to download', async () => {
  await twoPhotos();
  const status = syncStatus(backend.store.raw, backend.session, undefined);
  expect(status).toMatchObject({ filesToUpload: 1, filesMissing: 1 });
  render(<App><StatusPanel status={{ ...status, enrolled: true }} busy={false} onSyncNow={() => {}} /></App>);
  expect(screen.getByTestId('sync-card-待上传附件').textContent).toContain('1 个');
  expect(screen.getByTestId('sync-card-待下载附件').textContent).toContain('1 个');
});

it('shows 附件尚未同步到本机 for a photo whose file is not here, and the thumbnail of one that is', async () => {
  const saved = await twoPhotos();
  render(<App><AttachmentsField value={attachmentsFromDetail(saved)} onChange={() => {}} /></App>);
  const items = await screen.findAllByTestId('attachment');
  expect(items).toHaveLength(2);
  const here = items.find((e) => e.textContent?.includes('照片0.png'))!;
  const missing = items.find((e) => e.textContent?.includes('照片1.png'))!;
  expect(await within(missing).findByText('附件尚未同步到本机')).toBeTruthy();
  expect(missing.querySelector('img')).toBeNull(); // no broken image
  await waitFor(() => expect(here.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/));
  expect(within(here).queryByText('附件尚未同步到本机')).toBeNull();
});
