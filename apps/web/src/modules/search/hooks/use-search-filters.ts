import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router-dom';
import type { VendorSearchInput, VendorSearchSort } from '../../../gql/graphql';

const SEARCH_DEBOUNCE_MS = 300;

/** Multi-valued filters: URL parameter → input field. */
export const LIST_FILTERS = {
  capability: 'capabilities',
  industry: 'industries',
  region: 'regions',
  team: 'teamSizes',
  rate: 'rateBands',
} as const;
export type ListParam = keyof typeof LIST_FILTERS;

const number = (v: string | null) => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/**
 * Every filter lives in the URL (`?q=…&capability=nlp&capability=mlops&minLower=0.5&sort=…`),
 * so a search can be shared and survives a reload. The search box writes the URL once typing pauses.
 */
export function useSearchFilters() {
  const [params, setParams] = useSearchParams();
  const urlText = params.get('q') ?? '';
  const [text, setText] = useState(urlText);
  const [debouncedText] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const synced = useRef(urlText);

  useEffect(() => {
    if (urlText !== synced.current) {
      synced.current = urlText;
      setText(urlText);
    }
  }, [urlText]);

  useEffect(() => {
    if (debouncedText === synced.current) return;
    synced.current = debouncedText;
    setParams(
      () => {
        // The live URL, not the render's copy: a filter clicked while typing must survive.
        const next = new URLSearchParams(window.location.search);
        if (debouncedText) next.set('q', debouncedText);
        else next.delete('q');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [debouncedText, setParams]);

  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        change(next);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  const list = (param: ListParam) => params.getAll(param);
  const setList = (param: ListParam, values: string[]) =>
    update((next) => {
      next.delete(param);
      values.forEach((v) => next.append(param, v));
    });
  const setValue = (param: string, value: string | null) =>
    update((next) => {
      if (value) next.set(param, value);
      else next.delete(param);
    });

  const input: VendorSearchInput = {
    ...(urlText ? { text: urlText } : {}),
    ...Object.fromEntries((Object.entries(LIST_FILTERS) as Array<[ListParam, string]>).filter(([p]) => list(p).length).map(([p, field]) => [field, list(p)])),
    ...(number(params.get('minCases')) !== null ? { minVerifiedCaseStudies: number(params.get('minCases')) } : {}),
    ...(number(params.get('minLower')) !== null ? { minAssayLower: number(params.get('minLower')) } : {}),
    ...(number(params.get('minDurability')) !== null ? { minProductionDurability: number(params.get('minDurability')) } : {}),
    ...(params.get('hideFlagged') === '1' ? { hideFlagged: true } : {}),
    ...(params.get('sort') ? { sort: params.get('sort') as VendorSearchSort } : {}),
  };
  const hasFilters = [...params.keys()].some((k) => k !== 'sort');
  /** Facet choices in force (the text query and the sort are not facets). */
  const activeFilterCount = [...params.keys()].filter((k) => k !== 'sort' && k !== 'q').length;

  const clear = () => {
    synced.current = '';
    setText('');
    update((next) => {
      [...next.keys()].filter((k) => k !== 'sort').forEach((k) => next.delete(k));
    });
  };

  return { text, setText, input, list, setList, params, setValue, hasFilters, activeFilterCount, clear };
}
