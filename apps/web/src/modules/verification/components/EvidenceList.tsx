import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconFile, IconFileOff } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { QueryState } from '../../../ui/QueryState';
import { formatDate } from '../../../ui/format';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { taskEvidenceQuery } from '../graphql/task-evidence.query';

const sizeFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

/** The files and links the vendor attached; files download with the reviewer's session. */
export function EvidenceList({ caseStudyId }: { caseStudyId: string }) {
  const { data, loading, error, refetch } = useQuery(taskEvidenceQuery, { variables: { caseStudyId } });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.caseStudyEvidence}
      onRetry={() => void refetch()}
      skeleton={
        <Stack gap="xs">
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Stack>
      }
      renderError={(description) =>
        description.code === 'FORBIDDEN' ? (
          <Text size="sm" c="dimmed" role="note">
            Assay has not opened this case study’s files to you. Ask an Assay admin for them, and weigh the references’ answers meanwhile.
          </Text>
        ) : undefined
      }
      isEmpty={(evidence) => evidence.items.length === 0}
      empty={<EmptyMessage icon={<IconFileOff aria-hidden />} title="No evidence attached" description="The vendor attached no files or links. Weigh the claims on the references’ answers alone." />}
    >
      {(evidence) => (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Evidence">
          {evidence.items.map((item) => (
            <li key={item.id}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                {item.kind === 'file' ? <IconFile size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} /> : <IconExternalLink size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />}
                <Stack gap={0} style={{ minWidth: 0 }}>
                  {item.kind === 'file' && item.downloadUrl ? (
                    <Anchor href={item.downloadUrl} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {item.title}
                    </Anchor>
                  ) : (
                    <Anchor href={item.url ?? undefined} target="_blank" rel="noopener noreferrer" fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {item.title}
                    </Anchor>
                  )}
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {item.kind === 'file'
                      ? [item.originalName, item.mediaType, formatBytes(item.sizeBytes), `added ${formatDate(item.createdAt)}`].filter(Boolean).join(' · ')
                      : [item.url, `added ${formatDate(item.createdAt)}`].filter(Boolean).join(' · ')}
                  </Text>
                  {item.sha256 && (
                    <Badge variant="outline" color="gray" tt="none" fw={400} size="xs" mt={2} title="SHA-256 of the file">
                      sha256 {item.sha256.slice(0, 12)}…
                    </Badge>
                  )}
                </Stack>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
