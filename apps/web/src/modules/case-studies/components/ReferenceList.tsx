import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconTrash, IconUserQuestion } from '@tabler/icons-react';
import type { ReferenceDetailFragment } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { IDENTITY_STRENGTH, REFERENCE_STATUS } from '../../../ui/labels';
import { refusalLabel } from './labels';

interface ReferenceListProps {
  references: readonly ReferenceDetailFragment[];
  /** Offers "Remove" on nominations that are not refused (drafts only). */
  onRemove?: (reference: ReferenceDetailFragment) => void;
  removingId?: string | null;
}

/** The case study's references: nominated ones in full, drawn ones without who they are. */
export function ReferenceList({ references, onRemove, removingId }: ReferenceListProps) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="References">
      {references.map((ref) => (
        <Card component="li" key={ref.id} padding="md" withBorder style={ref.status === 'refused' ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}>
          <ReferenceItem reference={ref} onRemove={onRemove} removing={removingId === ref.id} />
        </Card>
      ))}
    </Stack>
  );
}

function ReferenceItem({ reference: ref, onRemove, removing }: { reference: ReferenceDetailFragment; onRemove?: ReferenceListProps['onRemove']; removing: boolean }) {
  const refused = ref.status === 'refused';
  const drawn = ref.source === 'drawn';
  const name = drawn ? 'A contact drawn from your roster' : (ref.contactName ?? 'Unnamed contact');
  const strength = IDENTITY_STRENGTH[ref.identityStrength];
  const status = REFERENCE_STATUS[ref.status];
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Group gap={6}>
            {drawn && <IconUserQuestion size={16} aria-hidden />}
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Text>
          </Group>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {drawn
              ? `At ${ref.clientName}. Assay chose this contact at random; you do not see who it is.`
              : [ref.contactRole, ref.contactEmail].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Group gap={6} wrap="wrap">
          {refused ? (
            <Badge color="red" variant="filled" tt="none" fw={600}>
              {refusalLabel(ref.identityStrength, ref.identityFlags)}
            </Badge>
          ) : (
            <>
              <Badge color={status.color} variant="light" tt="none" fw={600}>
                {status.label}
              </Badge>
              {/* The outline keeps the strength's colour; the text takes its darkest shade, readable on white (WCAG AA). */}
              <Badge color={strength.color} c={`${strength.color}.9`} variant="outline" tt="none" fw={500}>
                {strength.label}
              </Badge>
            </>
          )}
        </Group>
      </Group>
      {refused ? (
        <Alert color="red" variant="light" icon={<IconAlertOctagon aria-hidden />} p="sm">
          <Text size="sm" fw={500}>
            {ref.identityReason}
          </Text>
          <Text size="xs" mt={4}>
            Refused nominations stay on record and are never contacted.
          </Text>
        </Alert>
      ) : (
        <Text size="sm">
          {ref.identityReason} <Text span c="dimmed" size="sm">{status.description}{ref.sentAt ? ` Sent ${formatDate(ref.sentAt)}.` : ''}</Text>
        </Text>
      )}
      {onRemove && !refused && !drawn && (
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            leftSection={<IconTrash size={14} aria-hidden />}
            loading={removing}
            onClick={() => onRemove(ref)}
            aria-label={`Remove reference ${name}`}
          >
            Remove
          </Button>
        </Group>
      )}
    </Stack>
  );
}
