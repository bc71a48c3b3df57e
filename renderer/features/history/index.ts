// The history feature's public face: the 修改记录 panel every record screen embeds.
export { HistoryPanel } from './HistoryPanel';
export { HistoryExportButton } from './ExportButton';
