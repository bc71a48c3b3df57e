// The console's strings (renderer/i18n/texts/console.ts) in the language the app's switch holds.
import { useLang } from '../i18n';
import { en, zh } from '../i18n/texts/console';

export type CKey = keyof typeof zh;

export function useCT() {
  const lang = useLang((s) => s.lang);
  const t = (key: CKey, vars?: Record<string, string | number>) => {
    let s: string = (lang === 'en' ? en : zh)[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
    return s;
  };
  return { t, lang };
}
