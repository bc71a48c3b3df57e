// Window hardening. Kept free of Electron imports so the rules can be unit-tested directly.
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export const WEB_PREFERENCES = {
  contextIsolation: true,
  nodeIntegration: false,
  sandbox: true,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** Only the app's own files may be shown; every other navigation is refused. */
export function isAllowedNavigation(target: string, appIndexUrl: string): boolean {
  try {
    const t = new URL(target);
    const a = new URL(appIndexUrl);
    return t.protocol === 'file:' && t.pathname === a.pathname;
  } catch {
    return false;
  }
}

export function withCsp(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k] = Array.isArray(v) ? v : [v];
  out['Content-Security-Policy'] = [APP_CSP];
  return out;
}
