import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router-dom';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The directory's filters live in the URL (`?q=…&capability=…`) so a search can be
 * shared and survives a reload. The search box updates the URL once typing pauses.
 */
export function useDirectoryFilters() {
  const [params, setParams] = useSearchParams();
  const urlText = params.get('q') ?? '';
  const capability = params.get('capability') ?? '';

  const [text, setText] = useState(urlText);
  const [debouncedText] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  // The last text we wrote to (or read from) the URL; tells our own writes from outside navigation.
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
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debouncedText) next.set('q', debouncedText);
        else next.delete('q');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [debouncedText, setParams]);

  const setCapability = (value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set('capability', value);
        else next.delete('capability');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  const clear = () => {
    synced.current = '';
    setText('');
    setParams({}, { replace: true, preventScrollReset: true });
  };

  return {
    /** What the search box shows (updates on every key). */
    text,
    setText,
    /** What the query uses (the URL's values). */
    query: { text: urlText, capability },
    setCapability,
    clear,
    hasFilters: urlText !== '' || capability !== '',
  };
}
