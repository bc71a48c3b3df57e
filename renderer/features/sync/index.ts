// The sync feature's public face: the 同步 screen.
export { SyncPage } from './SyncPage';
