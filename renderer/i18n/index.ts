import { create } from 'zustand';
import type { Labelled } from '../../shared/domain/enums.js';
import { en, zh, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';

interface LangState {
  lang: Lang;
  setLang(l: Lang): void;
}

const stored = (typeof localStorage !== 'undefined' && localStorage.getItem('rc.lang')) as Lang | null;

export const useLang = create<LangState>((set) => ({
  lang: stored === 'en' ? 'en' : 'zh',
  setLang: (lang) => {
    localStorage.setItem('rc.lang', lang);
    set({ lang });
  },
}));

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  let s: string = (lang === 'en' ? en : zh)[key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

export function useT() {
  const lang = useLang((s) => s.lang);
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  /** The label of an enum value in the current language (the raw value if unknown). */
  const label = (table: Labelled, value: string | null | undefined) => (value ? (table[value]?.[lang] ?? value) : '');
  const options = (table: Labelled) => Object.entries(table).map(([value, l]) => ({ value, label: l[lang] }));
  return { t, label, options, lang };
}
