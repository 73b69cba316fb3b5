import { useQuery } from '@apollo/client/react';
import { signalNamesQuery } from '../graphql/signal-names.query';

export interface SignalName {
  name: string;
  question: string;
  scale: string;
}

/**
 * Names and questions of the signals from the methodology (fetched once, then from the
 * cache), so every page labels them exactly as the methodology page does.
 */
export function useSignalNames() {
  const { data, loading, error, refetch } = useQuery(signalNamesQuery, { fetchPolicy: 'cache-first' });
  const byKey = new Map<string, SignalName>((data?.methodology.signals ?? []).map((s) => [s.key, { name: s.name, question: s.question, scale: s.scale }]));
  return {
    /** key → name, question and scale; empty until loaded. */
    byKey,
    /** key → name, for `forestPlotRows`. */
    names: Object.fromEntries([...byKey].map(([key, s]) => [key, s.name])) as Record<string, string>,
    loading: loading && !data,
    error,
    refetch,
  };
}
