import { useMemo } from 'react';
import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { UploadEntry } from '../hooks/use-evidence-uploads';
import { EvidenceTextPeek, EvidenceThumbnail } from './EvidencePreview';
import { formatBytes } from './format-bytes';

/** One file on its way up: preview, a real progress bar, and the API's reason when it is refused. */
export function UploadRow({ entry, onCancel, onDismiss }: { entry: UploadEntry; onCancel: () => void; onDismiss: () => void }) {
  const percent = Math.round(entry.progress * 100);
  const { file } = entry;
  // Stable per file, so the preview is not rebuilt on every progress event.
  const source = useMemo(() => ({ kind: 'local' as const, file }), [file]);
  return (
    <Paper component="li" withBorder p="md" data-testid="upload-row" data-status={entry.status} style={{ listStyle: 'none' }}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <EvidenceThumbnail source={source} withSize={false} />
        <Stack gap={8} style={{ flex: '1 1 auto', minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {file.name}
            </Text>
            <Text size="sm" c="dimmed" style={{ flex: '0 0 auto' }}>
              {formatBytes(file.size)}
            </Text>
          </Group>
          {entry.status !== 'failed' && <EvidenceTextPeek source={source} />}
          {entry.status !== 'failed' ? (
            <>
              <Progress.Root size="lg">
                <Progress.Section
                  value={percent}
                  animated={entry.status === 'processing'}
                  aria-label={`Uploading ${file.name}`}
                />
              </Progress.Root>
              <Group justify="space-between" gap="xs">
                <Text size="xs" c="dimmed" aria-live="polite">
                  {entry.status === 'processing' ? 'Sent; checking the file…' : `${percent}% sent`}
                </Text>
                {entry.status === 'uploading' && (
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={onCancel} aria-label={`Cancel the upload of ${file.name}`}>
                    Cancel
                  </Button>
                )}
              </Group>
            </>
          ) : (
            <Alert role="alert" color="red" variant="light" p="xs" icon={<IconAlertCircle size={18} aria-hidden />} title="Not attached">
              <Stack gap={6} align="flex-start">
                <Text size="sm">{entry.error?.message}</Text>
                <Button size="compact-xs" variant="default" onClick={onDismiss} aria-label={`Dismiss the message about ${file.name}`}>
                  Dismiss
                </Button>
              </Stack>
            </Alert>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
