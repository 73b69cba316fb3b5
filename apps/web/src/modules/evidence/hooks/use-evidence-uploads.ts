import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorDescription } from '../../../ui/errors/describe-error';
import { formatBytes } from '../components/format-bytes';
import { UploadError, uploadEvidenceFile, type UploadedEvidence } from '../upload-evidence-file';

export interface UploadEntry {
  key: string;
  file: File;
  status: 'uploading' | 'processing' | 'failed';
  /** 0..1 of the bytes sent. */
  progress: number;
  error?: ErrorDescription;
}

interface Limits {
  maxFileBytes: number;
  /** Bytes the case study can still take, by the last evidence list (uploads under way are subtracted here). */
  freeBytes: number;
}

let nextKey = 0;

/**
 * The files being uploaded to one case study, each with its own progress and, when
 * refused, the API's reason. A finished upload stays until `onUploaded` (which
 * refreshes the evidence list) settles, so the file never blinks out of view;
 * failed ones stay until dismissed.
 */
export function useEvidenceUploads(caseStudyId: string, limits: Limits, onUploaded: (item: UploadedEvidence) => Promise<unknown>) {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const inFlightBytes = useRef(new Map<string, number>());

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  const update = useCallback((key: string, patch: Partial<UploadEntry>) => {
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      let free = limits.freeBytes - [...inFlightBytes.current.values()].reduce((a, b) => a + b, 0);
      const added: UploadEntry[] = [];
      for (const file of files) {
        const key = `upload-${++nextKey}`;
        // Obvious refusals are said at once, without sending the bytes; the API checks everything again.
        const tooLarge = file.size > limits.maxFileBytes;
        if (tooLarge || file.size > free) {
          const message = tooLarge
            ? `A file can be at most ${formatBytes(limits.maxFileBytes)}; this one is ${formatBytes(file.size)}. Attach a smaller file, or split it.`
            : `This case study has ${formatBytes(Math.max(0, free))} of room left, not enough for this file (${formatBytes(file.size)}). Remove a file first.`;
          added.push({ key, file, status: 'failed', progress: 0, error: { code: 'BAD_USER_INPUT', reason: tooLarge ? 'FILE_TOO_LARGE' : 'CASE_STUDY_STORAGE_FULL', message, fields: [] } });
          continue;
        }
        free -= file.size;
        inFlightBytes.current.set(key, file.size);
        added.push({ key, file, status: 'uploading', progress: 0 });
        const controller = new AbortController();
        controllers.current.set(key, controller);
        uploadEvidenceFile(caseStudyId, file, { signal: controller.signal, onProgress: (progress) => update(key, { progress, status: progress >= 1 ? 'processing' : 'uploading' }) })
          .then(async (item) => {
            update(key, { progress: 1, status: 'processing' });
            await onUploaded(item).catch(() => undefined);
            setEntries((list) => list.filter((e) => e.key !== key));
          })
          .catch((error: unknown) => {
            const description: ErrorDescription = error instanceof UploadError ? error.description : { code: 'UNKNOWN', message: 'The upload did not work. Please try again.', fields: [] };
            update(key, { status: 'failed', error: description });
          })
          .finally(() => {
            controllers.current.delete(key);
            inFlightBytes.current.delete(key);
          });
      }
      setEntries((list) => [...list, ...added]);
    },
    [caseStudyId, limits.maxFileBytes, limits.freeBytes, onUploaded, update],
  );

  const cancel = useCallback((key: string) => controllers.current.get(key)?.abort(), []);
  const dismiss = useCallback((key: string) => setEntries((list) => list.filter((e) => e.key !== key)), []);

  return { entries, add, cancel, dismiss };
}
