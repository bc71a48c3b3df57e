// A scope as the signed-in administrator reads it: the unit's name (全省 for the whole province),
// the path only when the unit is not known (yet).
import { useLoad } from './useLoad';
import { get } from './api';
import { useCT } from './i18n';

export interface UnitRef { name: string; path: string; level: string }

export function scopeLabel(path: string, units: UnitRef[] | null | undefined, all: string): string {
  if (path === '/') return all;
  return units?.find((u) => u.path === path)?.name ?? path;
}

/** Names scopes, with the units loaded once for the page. */
export function useScopeNames(): (path: string) => string {
  const { t } = useCT();
  const units = useLoad(() => get<UnitRef[]>('units'), []);
  const all = t('c.scope.all');
  return (path) => scopeLabel(path, units.data, all);
}

/** The label of `path`. */
export function useScopeLabel(path: string): string {
  return useScopeNames()(path);
}
