import { Affix, Button, Group, Paper, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { COMPARE_LIMIT, useCompareSelection } from '../hooks/use-compare-selection';

/** A bar at the bottom of the screen while consultancies are picked for comparison. */
export function CompareBar() {
  const compare = useCompareSelection();
  if (compare.selected.length === 0) return null;
  return (
    <Affix position={{ bottom: 16, left: 16, right: 16 }} zIndex={150} className="no-print">
      <Paper shadow="md" p="sm" withBorder maw={720} mx="auto" role="region" aria-label="Comparison">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            <Text span fw={700}>
              {compare.selected.length} of {COMPARE_LIMIT}
            </Text>{' '}
            chosen: {compare.selected.map((v) => v.name).join(', ')}
          </Text>
          <Group gap="xs">
            <Button variant="subtle" size="sm" onClick={compare.clear}>
              Clear
            </Button>
            <Button component={Link} to={compare.href} size="sm" leftSection={<IconScale size={16} aria-hidden />}>
              Compare
            </Button>
          </Group>
        </Group>
      </Paper>
    </Affix>
  );
}
