import type { ApiErrorCode, ErrorDescription, FieldMessage } from '../../ui/errors/describe-error';

/** An uploaded file as the API answers it (the GraphQL EvidenceItem's fields). */
export interface UploadedEvidence {
  id: string;
  kind: 'file';
  title: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  originalName: string;
  downloadUrl: string;
  createdAt: string;
}

/** Why an upload failed, in the same shape as every other API error in the UI. */
export class UploadError extends Error {
  constructor(readonly description: ErrorDescription) {
    super(description.message);
    this.name = 'UploadError';
  }
}

const API_CODES = new Set<string>(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);

const STATUS_MESSAGES: Record<number, string> = {
  401: 'Please sign in again to upload files.',
  403: 'You cannot add evidence to this case study.',
  404: 'This case study was not found.',
  413: 'This file is too large to upload.',
};

/**
 * The REST error body `{ error: { code, message, reason, fields } }` as an
 * ErrorDescription. `PAYLOAD_TOO_LARGE` (REST only) counts as bad input.
 */
export function describeUploadFailure(status: number, body: unknown): ErrorDescription {
  const error = (body as { error?: { code?: unknown; message?: unknown; reason?: unknown; fields?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string' && typeof error.reason === 'string') {
    const rawCode = String(error.code ?? '');
    const code = API_CODES.has(rawCode) ? (rawCode as ApiErrorCode) : rawCode === 'PAYLOAD_TOO_LARGE' ? 'BAD_USER_INPUT' : 'UNKNOWN';
    const fields = Array.isArray(error.fields) ? (error.fields as FieldMessage[]) : [];
    const trusted = code !== 'UNKNOWN' && code !== 'INTERNAL_SERVER_ERROR';
    return { code, reason: error.reason, message: trusted ? error.message : 'Something went wrong on our side. Please try again.', fields };
  }
  if (status === 0) return { code: 'NETWORK', message: 'The upload was interrupted. Check your connection and try again.', fields: [] };
  if (status >= 500) return { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.', fields: [] };
  return { code: 'UNKNOWN', message: STATUS_MESSAGES[status] ?? 'The upload did not work. Please try again.', fields: [] };
}

/**
 * Uploads one file with XMLHttpRequest, the only browser API that reports upload
 * progress (`fetch` does not). `onProgress` gets 0..1; aborting the signal cancels.
 */
export function uploadEvidenceFile(
  caseStudyId: string,
  file: File,
  options: { title?: string; onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<UploadedEvidence> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/evidence/case-studies/${encodeURIComponent(caseStudyId)}/files`);
    xhr.responseType = 'json';
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201 && xhr.response?.item) {
        options.onProgress?.(1);
        resolve(xhr.response.item as UploadedEvidence);
      } else {
        reject(new UploadError(describeUploadFailure(xhr.status, xhr.response)));
      }
    };
    xhr.onerror = () => reject(new UploadError(describeUploadFailure(0, null)));
    xhr.onabort = () => reject(new UploadError({ code: 'UNKNOWN', reason: 'CANCELLED', message: 'The upload was cancelled.', fields: [] }));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });

    const form = new FormData();
    if (options.title) form.append('title', options.title);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
