import { defaultOptions, Upload, type DetailedError, type PreviousUpload } from 'tus-js-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getCsrfToken } from '../api/client.ts';

// Resumable uploads (tus 1.0) of attachment files. The upload URL is stored under a fingerprint of the
// application, the field and the file, so a dropped connection, a closed tab or a restarted browser continues
// where it stopped once the same file is chosen again.

export const UPLOAD_ENDPOINT = '/api/uploads';
export const CHUNK_SIZE = 5 * 1024 * 1024;
export const RETRY_DELAYS = [0, 1000, 3000, 5000];

export type UploadStatus = 'idle' | 'uploading' | 'paused' | 'processing' | 'interrupted' | 'rejected' | 'done';

export interface UploadState {
  status: UploadStatus;
  fileName: string | null;
  bytesSent: number;
  bytesTotal: number;
  /** Resumed from an earlier, unfinished upload of the same file. */
  resumed: boolean;
  /** The server's reason for refusing the file, or what went wrong. */
  error: string | null;
}

const IDLE: UploadState = { status: 'idle', fileName: null, bytesSent: 0, bytesTotal: 0, resumed: false, error: null };

function fingerprintOf(applicationId: string, slotId: string, file: File): string {
  return ['shenbao', applicationId, slotId, file.name, file.size, file.lastModified].join(':');
}

function isDetailed(error: Error): error is DetailedError {
  return 'originalResponse' in error;
}

/** The server's message from a refusal ({ error: { message } }), or null for a network failure. */
function refusalOf(error: Error): { status: number; message: string | null } | null {
  if (!isDetailed(error) || !error.originalResponse) return null;
  const status = error.originalResponse.getStatus();
  if (status === 0) return null;
  let message: string | null = null;
  try {
    const body = JSON.parse(error.originalResponse.getBody()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    message = null;
  }
  return { status, message };
}

/** Uploads of this application and field that never finished (for the "choose the same file again" hint). */
export async function unfinishedUploads(applicationId: string, slotId: string): Promise<PreviousUpload[]> {
  try {
    const all = await defaultOptions.urlStorage.findAllUploads();
    return all.filter((u) => u.metadata.applicationId === applicationId && u.metadata.fieldId === slotId);
  } catch {
    return [];
  }
}

async function forget(upload: Upload): Promise<void> {
  for (const previous of await upload.findPreviousUploads().catch(() => [])) {
    await defaultOptions.urlStorage.removeUpload(previous.urlStorageKey).catch(() => undefined);
  }
}

export interface TusUpload {
  state: UploadState;
  start: (file: File) => Promise<void>;
  pause: () => void;
  resume: () => void;
  /** Stop and forget the upload (the partial file expires on the server). */
  cancel: () => void;
  reset: () => void;
}

/** What the server answered for a finished upload: the stored file's id (x-file-id), to place it in a table row. */
export type UploadDone = (fileId: string | null, file: File) => void;

/** `slotId` is the attachment field ("video") or a table's attachment column ("customers.evidence"). */
export function useTusUpload(applicationId: string, slotId: string, onDone: UploadDone, messages: { network: string; failed: string }): TusUpload {
  const [state, setState] = useState<UploadState>(IDLE);
  const uploadRef = useRef<Upload | null>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(
    () => () => {
      // Leaving the page stops the transfer; the stored fingerprint lets it resume later.
      void uploadRef.current?.abort();
    },
    [],
  );

  const start = useCallback(
    async (file: File) => {
      await uploadRef.current?.abort();
      const upload: Upload = new Upload(file, {
        endpoint: UPLOAD_ENDPOINT,
        chunkSize: CHUNK_SIZE,
        retryDelays: RETRY_DELAYS,
        metadata: { applicationId, fieldId: slotId, filename: file.name },
        headers: { 'x-csrf-token': getCsrfToken() ?? '' },
        fingerprint: async (f) => fingerprintOf(applicationId, slotId, f as File),
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onProgress: (sent, total) =>
          setState((s) => ({ ...s, bytesSent: sent, bytesTotal: total, status: sent >= total ? 'processing' : s.status === 'paused' ? 'paused' : 'uploading' })),
        onShouldRetry: (error) => {
          const status = error.originalResponse?.getStatus() ?? 0;
          // A refusal (wrong type, too short a video) will not change on retry; network trouble and 5xx might.
          return status === 0 || status >= 500 || status === 409 || status === 423;
        },
        onError: (error) => {
          const refusal = refusalOf(error);
          if (refusal && refusal.status >= 400 && refusal.status < 500) {
            // The server dropped the partial file: forget it here too, before the slot looks for unfinished uploads.
            void forget(upload).then(() => setState((s) => ({ ...s, status: 'rejected', error: refusal.message ?? messages.failed })));
          } else {
            setState((s) => ({ ...s, status: 'interrupted', error: refusal?.message ?? messages.network }));
          }
        },
        onSuccess: ({ lastResponse }) => {
          setState((s) => ({ ...s, status: 'done', bytesSent: s.bytesTotal, error: null }));
          uploadRef.current = null;
          onDoneRef.current(lastResponse.getHeader('x-file-id') ?? null, file);
        },
      });
      uploadRef.current = upload;
      const previous = await upload.findPreviousUploads().catch(() => []);
      const resumable = previous.find((p) => p.uploadUrl);
      if (resumable) upload.resumeFromPreviousUpload(resumable);
      setState({ status: 'uploading', fileName: file.name, bytesSent: 0, bytesTotal: file.size, resumed: Boolean(resumable), error: null });
      upload.start();
    },
    [applicationId, slotId, messages.failed, messages.network],
  );

  const pause = useCallback(() => {
    void uploadRef.current?.abort();
    setState((s) => ({ ...s, status: 'paused' }));
  }, []);

  const resume = useCallback(() => {
    const upload = uploadRef.current;
    if (!upload) return;
    setState((s) => ({ ...s, status: 'uploading', error: null }));
    upload.start();
  }, []);

  const cancel = useCallback(() => {
    const upload = uploadRef.current;
    uploadRef.current = null;
    if (upload) void upload.abort().then(() => forget(upload));
    setState(IDLE);
  }, []);

  const reset = useCallback(() => setState(IDLE), []);

  return { state, start, pause, resume, cancel, reset };
}
