/** "820 bytes", "14 KB", "3.2 MB": sizes as people read them (1 MB = 1024 × 1024 bytes, like the API's limits). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** A short name for a detected media type. */
export function mediaTypeLabel(mediaType: string | null | undefined): string {
  switch (mediaType) {
    case 'application/pdf':
      return 'PDF';
    case 'image/png':
      return 'PNG image';
    case 'image/jpeg':
      return 'JPEG image';
    case 'text/csv':
      return 'CSV table';
    case 'application/json':
      return 'JSON';
    case 'text/markdown':
      return 'Markdown';
    case 'text/plain':
      return 'Text';
    default:
      return 'File';
  }
}
