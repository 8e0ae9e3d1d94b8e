import type { ErrorBody } from '@shenbao/contracts';

// The one fetch wrapper of the web app: same-origin cookie session, CSRF header on writes,
// every failure turned into an ApiError carrying the server's Chinese message and field errors.

export type FieldError = ErrorBody['error']['fields'][number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  /** When false, a 401 does not end the session (login, the initial /api/me probe). */
  handleUnauthorized?: boolean;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set from the login response and GET /api/me; sent as x-csrf-token on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For requests not made through this module (tus uploads), which must carry the same header. */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** The auth provider registers how a 401 ends the session (back to /login). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What goes over the wire: JSON (serialised here) or a file sent as the raw body. */
type Outgoing = { json: unknown } | { file: Blob; contentType: string; headers?: Record<string, string> } | null;

async function request<T>(method: Method, path: string, outgoing: Outgoing, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (outgoing && 'json' in outgoing) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(outgoing.json);
  } else if (outgoing) {
    Object.assign(headers, outgoing.headers);
    headers['content-type'] = outgoing.contentType;
    body = outgoing.file;
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body, signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  if (response.status === 401 && options.handleUnauthorized !== false) onUnauthorized?.();
  if (isErrorBody(payload)) {
    const { code, message, fields } = payload.error;
    throw new ApiError(response.status, code, message, Array.isArray(fields) ? fields : []);
  }
  throw new ApiError(response.status, 'http_error', `服务器返回错误（HTTP ${response.status}）`);
}

export function apiGet<T>(path: string, query?: Query, options: RequestOptions = {}): Promise<T> {
  return request<T>('GET', `${path}${buildQuery(query)}`, null, options);
}

export function apiPost<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  return request<T>('POST', path, { json: body ?? {} }, options);
}

export function apiPatch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  return request<T>('PATCH', path, { json: body }, options);
}

export function apiPut<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  return request<T>('PUT', path, { json: body }, options);
}

export function apiDelete<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>('DELETE', path, null, options);
}

/** A file as the raw request body (Excel imports); the file name travels URL-encoded in x-file-name. */
export function apiPutFile<T>(path: string, file: File, contentType: string, options: RequestOptions = {}): Promise<T> {
  const headers = { 'x-file-name': encodeURIComponent(file.name) };
  return request<T>('PUT', path, { file, contentType, headers }, options);
}
