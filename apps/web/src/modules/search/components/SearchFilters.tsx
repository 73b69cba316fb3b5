import { Checkbox, Fieldset, NativeSelect, Stack, Switch } from '@mantine/core';
import type { SearchVendorsQuery } from '../../../gql/graphql';
import type { TaxonomyLabels } from '../../vendors/components/taxonomy-labels';
import type { ListParam, useSearchFilters } from '../hooks/use-search-filters';

type Facets = SearchVendorsQuery['searchVendors']['facets'];
type Filters = ReturnType<typeof useSearchFilters>;

export const TEAM_SIZE_LABELS: Record<string, string> = { '1_10': '1–10 people', '11_50': '11–50 people', '51_200': '51–200 people', over_200: 'over 200 people' };

function CheckboxFacet({ legend, param, counts, label, filters }: { legend: string; param: ListParam; counts: Array<{ key: string; count: number }>; label: (key: string) => string; filters: Filters }) {
  const selected = filters.list(param);
  return (
    <Checkbox.Group label={legend} value={selected} onChange={(values) => filters.setList(param, values)}>
      <Stack gap={6} mt={6}>
        {counts
          .filter((c) => c.count > 0 || selected.includes(c.key))
          .map((c) => (
            <Checkbox key={c.key} value={c.key} label={`${label(c.key)} (${c.count})`} size="sm" />
          ))}
      </Stack>
    </Checkbox.Group>
  );
}

function ThresholdFacet({ label, param, counts, format, filters }: { label: string; param: string; counts: Array<{ key: string; count: number }>; format: (key: string) => string; filters: Filters }) {
  return (
    <NativeSelect
      label={label}
      value={filters.params.get(param) ?? ''}
      onChange={(e) => filters.setValue(param, e.currentTarget.value || null)}
      data={[{ value: '', label: 'Any' }, ...counts.map((c) => ({ value: c.key, label: `${format(c.key)} (${c.count})` }))]}
    />
  );
}

const atLeastPercent = (key: string) => `at least ${Math.round(Number(key) * 100)}%`;

/** Every filter with the number of consultancies each option would show. */
export function SearchFilters({ facets, labels, filters }: { facets: Facets | undefined; labels: TaxonomyLabels; filters: Filters }) {
  const empty: Array<{ key: string; count: number }> = [];
  return (
    <Fieldset legend="Filters" variant="unstyled" component="div">
      <Stack gap="md">
        <CheckboxFacet legend="Capabilities" param="capability" counts={facets?.capabilities ?? empty} label={labels.capability} filters={filters} />
        <CheckboxFacet legend="Industries" param="industry" counts={facets?.industries ?? empty} label={labels.industry} filters={filters} />
        <CheckboxFacet legend="Regions" param="region" counts={facets?.regions ?? empty} label={labels.region} filters={filters} />
        <CheckboxFacet legend="Team size" param="team" counts={facets?.teamSizes ?? empty} label={(k) => TEAM_SIZE_LABELS[k] ?? k} filters={filters} />
        <CheckboxFacet legend="Day rate" param="rate" counts={facets?.rateBands ?? empty} label={labels.rateBand} filters={filters} />
        <ThresholdFacet label="Verified case studies" param="minCases" counts={facets?.minVerifiedCaseStudies ?? empty} format={(k) => `at least ${k}`} filters={filters} />
        <ThresholdFacet label="Assay score, low end of its range" param="minLower" counts={facets?.minAssayLower ?? empty} format={atLeastPercent} filters={filters} />
        <ThresholdFacet label="Production durability" param="minDurability" counts={facets?.minProductionDurability ?? empty} format={atLeastPercent} filters={filters} />
        <Switch
          label={`Hide consultancies with integrity flags (${facets?.hideFlagged.find((f) => f.key === 'flagged')?.count ?? 0} flagged)`}
          checked={filters.params.get('hideFlagged') === '1'}
          onChange={(e) => filters.setValue('hideFlagged', e.currentTarget.checked ? '1' : null)}
        />
      </Stack>
    </Fieldset>
  );
}
