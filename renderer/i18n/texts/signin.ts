// UI strings of the sign-in screen (browser mode). Chinese first; English second. Gathered by ../messages.ts.
export const zh = {
  'signin.title': '登录红色渠道',
  'signin.firstTitle': '设置本机数据口令',
  'signin.unlockHint': '本机数据已加密保存。请输入口令解锁后使用。',
  'signin.firstHint': '本机数据将加密保存，今后每次打开都要输入此口令。请牢记：口令遗失后本机数据无法找回，只能重新登记设备并同步。',
  'signin.passphrase': '口令',
  'signin.confirm': '再次输入口令',
  'signin.required': '请输入口令',
  'signin.mismatch': '两次输入的口令不一致',
  'signin.submit': '登录',
  'signin.submitFirst': '设置口令并进入',
  'signin.shared': '多人共用的电脑，离开前请关闭浏览器窗口。',
  'signin.checking': '正在检查登录状态…',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'signin.title': 'Sign in to Red Channel',
  'signin.firstTitle': "Set a passphrase for this device's data",
  'signin.unlockHint': "This device's data is stored encrypted. Enter the passphrase to unlock it.",
  'signin.firstHint':
    "This device's data will be stored encrypted; the passphrase is asked every time it is opened. Keep it safe: a lost passphrase cannot be recovered — only enrolling the device again and syncing restores the data.",
  'signin.passphrase': 'Passphrase',
  'signin.confirm': 'Repeat the passphrase',
  'signin.required': 'Enter the passphrase',
  'signin.mismatch': 'The two passphrases differ',
  'signin.submit': 'Sign in',
  'signin.submitFirst': 'Set the passphrase and enter',
  'signin.shared': 'On a shared PC, close the browser window before you leave.',
  'signin.checking': 'Checking the sign-in…',
};
