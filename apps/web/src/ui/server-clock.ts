import { useEffect, useMemo, useState } from 'react';

// Deadlines are decided by the server's clock, not the browser's (which may be wrong by minutes or years).
// Each API answer that carries `serverTime` gives the offset; the browser clock only measures time passing.

/** Milliseconds to add to Date.now() to get the server's time, from a `serverTime` just received. */
export function useServerClockOffset(serverTime: string | undefined): number {
  return useMemo(() => {
    const server = serverTime ? Date.parse(serverTime) : Number.NaN;
    return Number.isNaN(server) ? 0 : server - Date.now();
  }, [serverTime]);
}

/** The server's current time in milliseconds, re-rendering every `intervalMs`. */
export function useServerNow(offsetMs: number, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const timer = setInterval(() => setNow(Date.now() + offsetMs), intervalMs);
    return () => clearInterval(timer);
  }, [offsetMs, intervalMs]);
  return now;
}
