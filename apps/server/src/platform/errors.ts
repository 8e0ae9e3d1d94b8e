import type { FastifyError, FastifyInstance } from 'fastify';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { ErrorBody } from '@shenbao/contracts';
import { FORMAT_LABELS } from '@shenbao/contracts';

export interface FieldError {
  path: string;
  message: string;
}

/** An error the user can act on: a 4xx status, a stable code, a Chinese message and the fields concerned. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what}不存在或无权查看`);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'forbidden', message);
export const unauthenticated = () => new AppError(401, 'unauthenticated', '请先登录');
export const invalid = (message: string, fields: FieldError[] = []) => new AppError(400, 'invalid_input', message, fields);
export const conflict = (message: string, fields: FieldError[] = []) => new AppError(409, 'conflict', message, fields);

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turn ajv errors of a route schema into field errors with Chinese messages. */
function fieldErrors(errors: AjvError[], context: string): FieldError[] {
  localizeZh(errors as Parameters<typeof localizeZh>[0]);
  return errors.map((e) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '';
    const path = `/${context}${e.instancePath}${missing}${extra}`;
    let message = e.message ?? '格式不正确';
    if (e.keyword === 'required') message = '必填';
    if (e.keyword === 'additionalProperties') message = '不允许的字段';
    if (e.keyword === 'format') message = `应为有效的${FORMAT_LABELS[String(e.params.format)] ?? String(e.params.format)}`;
    return { path, message };
  });
}

function body(code: string, message: string, fields: FieldError[] = []): ErrorBody {
  return { error: { code, message, fields } };
}

/** Every error leaves the API in one shape; nothing but a real fault becomes a 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(body(error.code, error.message, error.fields));
    }
    const fe = error as FastifyError & { validationContext?: string };
    if (fe.validation) {
      const fields = fieldErrors(fe.validation as AjvError[], fe.validationContext ?? 'body');
      const first = fields[0];
      return reply
        .status(400)
        .send(body('invalid_input', first ? `输入有误：${first.path} ${first.message}` : '输入有误', fields));
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send(body('rate_limited', '请求过于频繁，请稍后再试'));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe.code?.startsWith('FST_'))) {
      return reply.status(400).send(body('invalid_input', `请求格式不正确：${fe.message}`));
    }
    if (fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET') {
      return reply.status(403).send(body('csrf', '安全令牌无效，请刷新页面后重试'));
    }
    if (fe.statusCode === 413) return reply.status(413).send(body('too_large', '请求内容过大'));
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(body('bad_request', fe.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal', '服务器内部错误，请稍后重试；如持续出现请联系平台管理员'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('not_found', `接口不存在：${request.method} ${request.url.split('?')[0]}`));
  });
}

/** PostgreSQL unique violation (23505), optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = (error as { cause?: unknown })?.cause ?? error;
  const pgError = e as { code?: string; constraint?: string };
  return pgError?.code === '23505' && (!constraint || pgError.constraint === constraint);
}
