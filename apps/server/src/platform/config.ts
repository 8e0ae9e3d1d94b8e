import path from 'node:path';

/** Everything the server reads from the environment, read once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** External PostgreSQL; when absent an embedded cluster is started under `dataDir/pg`. */
  databaseUrl: string | null;
  /** Secure cookies need HTTPS; on by default outside local development. */
  secureCookies: boolean;
  cookieSecret: string;
  sessionTtlHours: number;
  /** Sign-in attempts per minute for one address and username (per process; the lockout itself is in the database). */
  loginRateLimitPerMinute: number;
  trustProxy: boolean;
  loadDemoData: boolean;
  webDistDir: string;
  /** Content-addressed file store (local directory; S3-compatible later). */
  blobDir: string;
  /** Resumable uploads in progress (tus). */
  uploadDir: string;
  /** Finished bulk exports (批量导出 ZIPs), shared by every app process like the blobs. */
  exportDir: string;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, 'data'));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : env.NODE_ENV === 'production',
    cookieSecret: env.COOKIE_SECRET ?? '',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT ?? 20),
    trustProxy: env.TRUST_PROXY === 'true',
    loadDemoData: env.DEMO_DATA !== 'false',
    webDistDir: path.join(REPO_ROOT, 'apps/web/dist'),
    blobDir: path.join(dataDir, 'blobs'),
    uploadDir: path.join(dataDir, 'uploads'),
    exportDir: path.join(dataDir, 'exports'),
  };
}
