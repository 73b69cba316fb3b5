import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconExternalLink, IconTrash } from '@tabler/icons-react';
import type { CaseStudyEvidenceQuery } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { EvidenceTextPeek, EvidenceThumbnail, type PreviewSource } from './EvidencePreview';
import { formatBytes, mediaTypeLabel } from './format-bytes';

export type EvidenceItem = CaseStudyEvidenceQuery['caseStudyEvidence']['items'][number];

function previewSource(item: EvidenceItem): PreviewSource {
  if (item.kind === 'link') return { kind: 'link' };
  return { kind: 'stored', mediaType: item.mediaType ?? null, sizeBytes: item.sizeBytes ?? null, downloadUrl: item.downloadUrl ?? null };
}

interface EvidenceListProps {
  items: EvidenceItem[];
  editable: boolean;
  removingId: string | null;
  onRemove: (item: EvidenceItem) => void;
}

/** The attached files and links, newest last, each with a preview and (on drafts) a remove button. */
export function EvidenceList({ items, editable, removingId, onRemove }: EvidenceListProps) {
  if (items.length === 0) {
    return (
      <Paper withBorder p="lg" bg="gray.0">
        <Text size="sm" c="dimmed" role="status">
          No evidence attached yet.{editable ? ' Upload files or add a link so reviewers can check your claims.' : ''}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack component="ul" gap="sm" p={0} m={0} aria-label="Attached evidence">
      {items.map((item) => (
        <Paper component="li" key={item.id} withBorder p="md" style={{ listStyle: 'none' }} data-testid="evidence-item">
          <Group align="flex-start" wrap="nowrap" gap="md">
            <EvidenceThumbnail source={previewSource(item)} />
            <Stack gap={4} style={{ flex: '1 1 auto', minWidth: 0 }}>
              <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                <Text fw={600} size="sm" pt={6} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                  {item.title}
                </Text>
                <Group gap={4} wrap="nowrap" style={{ flex: '0 0 auto' }}>
                  {item.kind === 'file' && item.downloadUrl && (
                    <Tooltip label="Download">
                      <ActionIcon component="a" href={item.downloadUrl} download variant="subtle" size="lg" aria-label={`Download ${item.title}`}>
                        <IconDownload size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  {item.kind === 'link' && item.url && (
                    <Tooltip label="Open link">
                      <ActionIcon component="a" href={item.url} target="_blank" rel="noopener noreferrer" variant="subtle" size="lg" aria-label={`Open ${item.title} (opens in a new tab)`}>
                        <IconExternalLink size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  {editable && (
                    <Tooltip label="Remove">
                      <ActionIcon variant="subtle" color="red" size="lg" loading={removingId === item.id} onClick={() => onRemove(item)} aria-label={`Remove ${item.title}`}>
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Group>
              <Group gap="xs">
                <Badge variant="light" color={item.kind === 'link' ? 'gray' : 'indigo'}>
                  {item.kind === 'link' ? 'Link' : mediaTypeLabel(item.mediaType)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {[item.sizeBytes != null ? formatBytes(item.sizeBytes) : null, `added ${formatDate(item.createdAt)}`].filter(Boolean).join(' · ')}
                </Text>
              </Group>
              {item.kind === 'file' && item.originalName && item.originalName !== item.title && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {item.originalName}
                </Text>
              )}
              {item.kind === 'link' && item.url && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {item.url}
                </Text>
              )}
              <EvidenceTextPeek source={previewSource(item)} />
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
