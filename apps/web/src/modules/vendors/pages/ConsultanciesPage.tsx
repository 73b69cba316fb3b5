import { useState } from 'react';
import { Alert, Box, Button, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconSearch, IconZoomQuestion } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { plural } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { taxonomyLabels } from '../components/taxonomy-labels';
import { VendorCard } from '../components/VendorCard';
import { taxonomyQuery } from '../graphql/taxonomy.query';
import { vendorsQuery } from '../graphql/vendors.query';
import { useDirectoryFilters } from '../hooks/use-directory-filters';

const PAGE_SIZE = 20;

/** `/consultancies`: the public directory, searchable by text and capability. */
export function ConsultanciesPage() {
  const filters = useDirectoryFilters();
  const taxonomy = useQuery(taxonomyQuery);
  const labels = taxonomyLabels(taxonomy.data?.taxonomy);

  const variables = {
    first: PAGE_SIZE,
    ...(filters.query.text ? { text: filters.query.text } : {}),
    ...(filters.query.capability ? { capability: filters.query.capability } : {}),
  };
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(vendorsQuery, { variables });
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<ErrorDescription | null>(null);

  // While a new search runs, keep the previous results on screen instead of a skeleton.
  const shown = data ?? (loading ? previousData : undefined);
  const searching = loading && !data && previousData !== undefined;

  const loadMore = async (after: string) => {
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after } });
    } catch (e) {
      setLoadMoreError(describeError(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const capabilityOptions = [
    { value: '', label: 'All capabilities' },
    ...(taxonomy.data?.taxonomy.capabilities.map((c) => ({ value: c.key, label: c.label })) ?? []),
  ];
  // A capability from a shared link that the list does not (yet) know still shows.
  if (filters.query.capability && !capabilityOptions.some((o) => o.value === filters.query.capability)) {
    capabilityOptions.push({ value: filters.query.capability, label: labels.capability(filters.query.capability) });
  }

  return (
    <>
      <PageHeader
        title="Consultancies"
        description="ML and AI consultancies listed on Assay, in alphabetical order. Search by name or description, or filter by what they do."
      />
      <Stack gap="lg">
        <Group role="search" aria-label="Filter consultancies" align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label="Search consultancies"
            type="search"
            placeholder="Name or keyword"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={searching ? <Loader size={14} aria-hidden /> : null}
            value={filters.text}
            onChange={(event) => filters.setText(event.currentTarget.value)}
            maxLength={200}
            style={{ flex: '2 1 260px' }}
          />
          <NativeSelect
            label="Capability"
            data={capabilityOptions}
            value={filters.query.capability}
            onChange={(event) => filters.setCapability(event.currentTarget.value)}
            style={{ flex: '1 1 200px' }}
          />
          {filters.hasFilters && (
            <Button variant="subtle" onClick={filters.clear}>
              Clear filters
            </Button>
          )}
        </Group>

        <QueryState
          loading={loading}
          error={error}
          data={shown?.vendors}
          onRetry={() => void refetch()}
          skeleton={<CardSkeletons count={4} height={180} />}
          isEmpty={(vendors) => vendors.nodes.length === 0}
          empty={
            filters.hasFilters ? (
              <EmptyMessage
                icon={<IconZoomQuestion aria-hidden />}
                title="No consultancies match your search"
                description="Try fewer or different words, or another capability."
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
          {(vendors) => (
            <Stack gap="md" style={{ opacity: searching ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={searching}>
              <Text size="sm" c="dimmed">
                {vendors.nodes.length < vendors.totalCount
                  ? `Showing ${vendors.nodes.length} of ${plural(vendors.totalCount, 'consultancy', 'consultancies')}`
                  : plural(vendors.totalCount, 'consultancy', 'consultancies')}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {vendors.nodes.map((vendor) => (
                  <VendorCard key={vendor.id} vendor={vendor} labels={labels} />
                ))}
              </SimpleGrid>
              {loadMoreError && (
                <Alert role="alert" color="red" variant="light" title="Could not load more">
                  {loadMoreError.message}
                </Alert>
              )}
              {vendors.hasNextPage && vendors.endCursor && (
                <Box ta="center">
                  <Button variant="default" loading={loadingMore} onClick={() => void loadMore(vendors.endCursor!)}>
                    Load more
                  </Button>
                </Box>
              )}
            </Stack>
          )}
        </QueryState>
        <VisuallyHidden role="status" aria-live="polite">
          {data ? plural(data.vendors.totalCount, 'consultancy found', 'consultancies found') : ''}
        </VisuallyHidden>
      </Stack>
    </>
  );
}
