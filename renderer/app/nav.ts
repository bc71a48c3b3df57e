import { create } from 'zustand';

export const PAGES = ['dashboard', 'org', 'outlets', 'people', 'activities', 'instructors', 'assessment', 'work334', 'dues', 'statistics', 'quiz', 'sync'] as const;
export type PageKey = (typeof PAGES)[number];

function fromHash(): PageKey {
  const h = (typeof location !== 'undefined' ? location.hash.replace(/^#\/?/, '') : '') as PageKey;
  return PAGES.includes(h) ? h : 'dashboard';
}

interface NavState {
  page: PageKey;
  go(p: PageKey): void;
}

export const useNav = create<NavState>((set) => ({
  page: fromHash(),
  go: (page) => {
    if (location.hash !== `#/${page}`) location.hash = `#/${page}`;
    set({ page });
  },
}));

if (typeof window !== 'undefined') window.addEventListener('hashchange', () => useNav.setState({ page: fromHash() }));
