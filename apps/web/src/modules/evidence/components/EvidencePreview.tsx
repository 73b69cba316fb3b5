import { useEffect, useState } from 'react';
import { Code, Image, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFile, IconFileText, IconFileTypePdf, IconLink, IconPhoto } from '@tabler/icons-react';
import { formatBytes } from './format-bytes';

/** Where a preview's bytes come from: a file picked on this computer, or one already stored. */
export type PreviewSource =
  | { kind: 'local'; file: File }
  | { kind: 'stored'; mediaType: string | null; sizeBytes: number | null; downloadUrl: string | null }
  | { kind: 'link' };

const PREVIEW_BYTES = 2048;
const PREVIEW_LINES = 5;
const TEXT_TYPES = new Set(['text/csv', 'application/json', 'text/plain', 'text/markdown']);
const LOCAL_TEXT_NAME = /\.(csv|tsv|json|txt|text|log|md|markdown)$/i;
/** Smaller on phones, so the title and the first lines keep room. */
const THUMB_WIDTH = { base: 56, sm: 80 };
const THUMB_HEIGHT = { base: 42, sm: 60 };

/** The first lines of a text, each shortened, for a glance at what the file holds. */
export function firstLines(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, PREVIEW_LINES)
    .map((line) => (line.length > 90 ? `${line.slice(0, 89)}…` : line))
    .join('\n')
    .trimEnd();
}

type PreviewKind = 'image' | 'text' | 'pdf' | 'link' | 'other';

function kindOf(source: PreviewSource): PreviewKind {
  if (source.kind === 'link') return 'link';
  if (source.kind === 'local') {
    const { type, name } = source.file;
    // Only the browser's guess, for the preview; the API decides the real type from the bytes.
    if (type === 'image/png' || type === 'image/jpeg') return 'image';
    if (type === 'application/pdf' || /\.pdf$/i.test(name)) return 'pdf';
    if (type.startsWith('text/') || type === 'application/json' || LOCAL_TEXT_NAME.test(name)) return 'text';
    return 'other';
  }
  if (source.mediaType === 'image/png' || source.mediaType === 'image/jpeg') return 'image';
  if (source.mediaType === 'application/pdf') return 'pdf';
  if (source.mediaType && TEXT_TYPES.has(source.mediaType)) return 'text';
  return 'other';
}

/**
 * The left-hand preview of a file: a thumbnail for images, an icon for everything
 * else (with the size for PDFs, whose content we do not render).
 */
export function EvidenceThumbnail({ source, withSize = true }: { source: PreviewSource; withSize?: boolean }) {
  const kind = kindOf(source);
  if (kind === 'image') return <ImageThumbnail source={source} />;
  const Icon = kind === 'pdf' ? IconFileTypePdf : kind === 'link' ? IconLink : kind === 'text' ? IconFileText : IconFile;
  const size = source.kind === 'local' ? source.file.size : source.kind === 'stored' ? source.sizeBytes : null;
  return (
    <Stack w={THUMB_WIDTH} gap={4} align="center" style={{ flex: '0 0 auto' }}>
      <ThemeIcon variant="light" color={kind === 'pdf' ? 'red' : kind === 'link' ? 'gray' : 'indigo'} size={48} radius="md" aria-hidden>
        <Icon size={28} />
      </ThemeIcon>
      {withSize && kind === 'pdf' && size != null && (
        <Text size="xs" c="dimmed">
          {formatBytes(size)}
        </Text>
      )}
    </Stack>
  );
}

/** The first lines of a text, CSV, JSON or Markdown file; nothing for other kinds. */
export function EvidenceTextPeek({ source }: { source: PreviewSource }) {
  if (kindOf(source) !== 'text') return null;
  return <TextLines source={source} />;
}

function ImageThumbnail({ source }: { source: PreviewSource }) {
  const file = source.kind === 'local' ? source.file : null;
  const storedUrl = source.kind === 'stored' ? source.downloadUrl : null;
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return;
    const created = URL.createObjectURL(file);
    setObjectUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [file]);
  const url = file ? objectUrl : storedUrl;
  if (!url) {
    return (
      <ThemeIcon variant="light" color="gray" size={48} radius="md" aria-hidden style={{ flex: '0 0 auto' }}>
        <IconPhoto size={28} />
      </ThemeIcon>
    );
  }
  return (
    <Image
      src={url}
      alt=""
      w={THUMB_WIDTH}
      h={THUMB_HEIGHT}
      fit="cover"
      radius="sm"
      data-testid="evidence-thumbnail"
      style={{ flex: '0 0 auto', border: '1px solid var(--mantine-color-gray-3)' }}
    />
  );
}

function TextLines({ source }: { source: PreviewSource }) {
  const file = source.kind === 'local' ? source.file : null;
  const storedUrl = source.kind === 'stored' ? source.downloadUrl : null;
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = async (): Promise<string | null> => {
      if (file) return file.slice(0, PREVIEW_BYTES).text();
      if (!storedUrl) return null;
      // Only the first bytes: the API answers a range request with 206.
      const res = await fetch(storedUrl, { headers: { Range: `bytes=0-${PREVIEW_BYTES - 1}` }, credentials: 'same-origin' });
      return res.ok ? res.text() : null;
    };
    load()
      .then((t) => live && setText(t === null ? null : firstLines(t)))
      .catch(() => live && setText(null));
    return () => {
      live = false;
    };
  }, [file, storedUrl]);
  if (!text) return null;
  return (
    <Code block data-testid="evidence-text-preview" aria-label="First lines" style={{ maxHeight: 104, overflow: 'hidden', fontSize: 11, lineHeight: 1.45, whiteSpace: 'pre' }}>
      {text}
    </Code>
  );
}
