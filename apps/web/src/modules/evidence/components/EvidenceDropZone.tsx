import { useId, useRef, useState, type DragEvent } from 'react';
import { Button, FileButton, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { formatBytes } from './format-bytes';

/** What the file picker offers; the API still decides by content. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.csv,.tsv,.json,.txt,.md,.markdown,application/pdf,image/png,image/jpeg,text/csv,application/json,text/plain,text/markdown';

interface EvidenceDropZoneProps {
  onFiles: (files: File[]) => void;
  maxFileBytes: number;
  maxTotalBytes: number;
}

/**
 * Drop files here, or choose them with an ordinary button (keyboard and screen
 * reader users never need to drag).
 */
export function EvidenceDropZone({ onFiles, maxFileBytes, maxTotalBytes }: EvidenceDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const resetRef = useRef<() => void>(null);
  const titleId = useId();
  const hintId = useId();

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');
  const onDragEnter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  };
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length) onFiles(files);
  };

  return (
    <Paper
      p="xl"
      role="group"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-dragging={dragging || undefined}
      style={{
        border: `2px dashed var(--mantine-color-${dragging ? 'indigo-6' : 'gray-4'})`,
        background: dragging ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-0)',
        transition: 'background 120ms, border-color 120ms',
      }}
    >
      <Stack align="center" gap="xs">
        <ThemeIcon variant="light" size={44} radius="xl" aria-hidden>
          <IconUpload size={24} />
        </ThemeIcon>
        <Text fw={600} id={titleId} ta="center">
          {dragging ? 'Drop to upload' : 'Drag evidence files here, or'}
        </Text>
        <FileButton
          multiple
          accept={ACCEPT}
          resetRef={resetRef}
          onChange={(files) => {
            if (files.length) onFiles(files);
            resetRef.current?.();
          }}
          inputProps={{ 'aria-label': 'Evidence files' }}
        >
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
              Choose files
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed" ta="center" id={hintId} maw={520}>
          PDF, PNG, JPEG, CSV, JSON, plain text or Markdown; up to {formatBytes(maxFileBytes)} each and {formatBytes(maxTotalBytes)} per case study. We check the
          type from the file&apos;s content, not its name.
        </Text>
      </Stack>
    </Paper>
  );
}
