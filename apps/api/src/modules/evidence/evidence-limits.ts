const MB = 1024 * 1024;

/** The largest file one upload may carry (the "20 MB"). */
export const MAX_FILE_BYTES = 20 * MB;

/** What the files of one case study may add up to (the "100 MB"). */
export const MAX_CASE_STUDY_BYTES = 100 * MB;

/** Files and links per case study; enough for any honest case study, bounded against abuse. */
export const MAX_EVIDENCE_ITEMS = 100;

/** "820 KB", "12.5 MB", for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / MB;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}
