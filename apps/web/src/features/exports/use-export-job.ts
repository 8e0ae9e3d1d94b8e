import type { ExportJob } from '@shenbao/contracts';
import { useEffect, useState } from 'react';
import { getExport, isActive } from './api.ts';

const POLL_MS = 1000;

/** A job followed until it ends: polls its status every second while it is queued or running. */
export function useExportJob(initial: ExportJob | null): [ExportJob | null, (job: ExportJob | null) => void] {
  const [job, setJob] = useState<ExportJob | null>(initial);
  const id = job?.id;
  const active = job ? isActive(job) : false;
  useEffect(() => {
    if (!id || !active) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      timer = setTimeout(() => {
        getExport(id, controller.signal)
          .then((next) => {
            if (controller.signal.aborted) return;
            setJob(next);
            if (isActive(next)) poll();
          })
          .catch(() => {
            if (!controller.signal.aborted) poll(); // a missed poll is retried; the job runs on regardless
          });
      }, POLL_MS);
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, active]);
  return [job, setJob];
}
