import { useState } from 'react';
import { Alert, Box, Button, Drawer, Grid, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconZoomQuestion } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { plural } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { CompareBar } from '../../compare/components/CompareBar';
import { useCompareSelection } from '../../compare/hooks/use-compare-selection';
import { taxonomyLabels } from '../../vendors/components/taxonomy-labels';
import { taxonomyQuery } from '../../vendors/graphql/taxonomy.query';
import { SearchFilters } from '../components/SearchFilters';
import { SearchResultCard } from '../components/SearchResultCard';
import { searchVendorsQuery } from '../graphql/search-vendors.query';
import { useSearchFilters } from '../hooks/use-search-filters';
import { defaultSearchSort, searchSortOptions } from '../../../ui/labels';

const PAGE_SIZE = 20;

/** `/consultancies`: full-text search with filters, facet counts and sorts, all in the URL. */
export function SearchPage() {
  const filters = useSearchFilters();
  // With a text query the API orders by best match unless another order is chosen; the select says so.
  const queryText = filters.params.get('q') ?? '';
  const defaultSort = defaultSearchSort(queryText);
  const sortOptions = searchSortOptions(queryText);
  const chosenSort = filters.params.get('sort') ?? defaultSort;
  const compare = useCompareSelection();
  const taxonomy = useQuery(taxonomyQuery);
  const labels = taxonomyLabels(taxonomy.data?.taxonomy);
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(searchVendorsQuery, { variables: { input: { ...filters.input, first: PAGE_SIZE } } });
  const [filtersOpen, drawer] = useDisclosure(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<ErrorDescription | null>(null);
  const shown = data ?? (loading ? previousData : undefined);
  const searching = loading && !data && previousData !== undefined;

  const loadMore = async (after: string) => {
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({
        variables: { input: { ...filters.input, first: PAGE_SIZE, after } },
        updateQuery: (prev, { fetchMoreResult }) => ({
          searchVendors: { ...fetchMoreResult.searchVendors, nodes: [...prev.searchVendors.nodes, ...fetchMoreResult.searchVendors.nodes] },
        }),
      });
    } catch (e) {
      setLoadMoreError(describeError(e));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Consultancies"
        description="ML and AI consultancies on Assay, ranked by what they verifiably delivered. By default the highest Assay score comes first: thin evidence is pulled toward the average, so one lucky project does not outrank a long record and a newcomer is not buried; sort by “Strongest verified record” for the cautious order. A search by name puts the best match first."
      />
      <Grid gap="xl">
        {/* On a phone the filters wait in a drawer: the search box and the results come first. */}
        <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
          <Box role="search" aria-label="Filter consultancies">
            <SearchFilters facets={shown?.searchVendors.facets} labels={labels} filters={filters} />
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="lg" pb={80}>
            <Group align="flex-end" gap="md" wrap="wrap">
              <TextInput
                label="Search consultancies"
                type="search"
                placeholder="Name, capability or problem, e.g. demand forecasting"
                leftSection={<IconSearch size={16} aria-hidden />}
                rightSection={searching ? <Loader size={14} aria-hidden /> : null}
                value={filters.text}
                onChange={(event) => filters.setText(event.currentTarget.value)}
                maxLength={200}
                style={{ flex: '2 1 260px' }}
              />
              <NativeSelect
                label="Sort by"
                data={sortOptions}
                value={sortOptions.some((o) => o.value === chosenSort) ? chosenSort : defaultSort}
                onChange={(e) => filters.setValue('sort', e.currentTarget.value === defaultSort ? null : e.currentTarget.value)}
                style={{ flex: '1 1 220px' }}
              />
              <Button
                hiddenFrom="md"
                variant="default"
                leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
                onClick={drawer.open}
                aria-haspopup="dialog"
                style={{ flex: '1 1 140px' }}
              >
                Filters ({filters.activeFilterCount})
              </Button>
              {filters.hasFilters && (
                <Button variant="subtle" onClick={filters.clear}>
                  Clear filters
                </Button>
              )}
            </Group>
            <Drawer opened={filtersOpen} onClose={drawer.close} title="Filters" position="bottom" size="85%" hiddenFrom="md">
              <Box role="search" aria-label="Filter consultancies">
                <SearchFilters facets={shown?.searchVendors.facets} labels={labels} filters={filters} />
              </Box>
              <Button fullWidth mt="lg" onClick={drawer.close}>
                Show {shown ? plural(shown.searchVendors.totalCount, 'consultancy', 'consultancies') : 'results'}
              </Button>
            </Drawer>
            <QueryState
              loading={loading}
              error={error}
              data={shown?.searchVendors}
              onRetry={() => void refetch()}
              skeleton={<CardSkeletons count={4} height={180} />}
              isEmpty={(result) => result.nodes.length === 0}
              empty={
                filters.hasFilters ? (
                  <EmptyMessage
                    icon={<IconZoomQuestion aria-hidden />}
                    title="No consultancies match your search"
                    description="Try fewer or different words, or loosen a filter; the numbers next to each option show what it would find."
                    actions={
                      <Button variant="default" onClick={filters.clear}>
                        Clear filters
                      </Button>
                    }
                  />
                ) : (
                  <EmptyMessage title="No consultancies are listed yet" description="Check back soon: consultancies are joining Assay." />
                )
              }
            >
              {(result) => (
                <Stack gap="md" style={{ opacity: searching ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={searching}>
                  <Text size="sm" c="dimmed">
                    {result.nodes.length < result.totalCount
                      ? `Showing ${result.nodes.length} of ${plural(result.totalCount, 'consultancy', 'consultancies')}`
                      : plural(result.totalCount, 'consultancy', 'consultancies')}
                  </Text>
                  <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                    {result.nodes.map((vendor) => (
                      <SearchResultCard
                        key={vendor.id}
                        vendor={vendor}
                        labels={labels}
                        compare={{ checked: compare.isSelected(vendor.id), disabled: compare.isFull, onChange: () => compare.toggle({ id: vendor.id, name: vendor.name }) }}
                      />
                    ))}
                  </SimpleGrid>
                  {loadMoreError && (
                    <Alert role="alert" color="red" variant="light" title="Could not load more">
                      {loadMoreError.message}
                    </Alert>
                  )}
                  {result.hasNextPage && result.endCursor && (
                    <Box ta="center">
                      <Button variant="default" loading={loadingMore} onClick={() => void loadMore(result.endCursor!)}>
                        Load more
                      </Button>
                    </Box>
                  )}
                </Stack>
              )}
            </QueryState>
            <VisuallyHidden role="status" aria-live="polite">
              {data ? plural(data.searchVendors.totalCount, 'consultancy found', 'consultancies found') : ''}
            </VisuallyHidden>
          </Stack>
        </Grid.Col>
      </Grid>
      <CompareBar />
    </>
  );
}
