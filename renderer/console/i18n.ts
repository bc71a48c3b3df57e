// The console's strings (renderer/i18n/texts/console.ts, console2.ts and consoleQuiz.ts) in the language the app's switch holds.
import { useLang } from '../i18n';
import { en, zh } from '../i18n/texts/console';
import { en2, zh2 } from '../i18n/texts/console2';
import { enQ, zhQ } from '../i18n/texts/consoleQuiz';

const ZH = { ...zh, ...zh2, ...zhQ };
const EN: Record<keyof typeof ZH, string> = { ...en, ...en2, ...enQ };

export type CKey = keyof typeof ZH;

export function useCT() {
  const lang = useLang((s) => s.lang);
  const t = (key: CKey, vars?: Record<string, string | number>) => {
    let s: string = (lang === 'en' ? EN : ZH)[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
    return s;
  };
  return { t, lang };
}
