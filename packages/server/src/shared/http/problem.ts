import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isSaldoError, type ErrorKind, type FieldIssue } from '@saldo/core';

/** The one place where error kinds become HTTP statuses (RFC 9457 problem details). */
const statusOf: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};
const titleOf: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string; row?: number }[];
}

export function problem(status: number, detail: string, errors?: FieldIssue[]): Problem {
  const kind = (Object.entries(statusOf).find(([, s]) => s === status)?.[0] ?? 'error').replace('_', '-');
  return {
    type: `https://saldo.dev/problems/${kind}`,
    title: titleOf[status] ?? 'Error',
    status,
    detail,
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.status(p.status).type('application/problem+json').send(p);
}

/** A validation message with its first few field issues, so the detail alone says what to fix. */
function withIssues(message: string, issues: readonly FieldIssue[] | undefined): string {
  // Some messages already list their issues (templates, imports): do not repeat them.
  if (!issues?.length || message.includes(issues[0]!.message)) return message;
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
  return `${message}: ${shown.join('; ')}${more}`;
}

type AjvError = NonNullable<FastifyError['validation']>[number] & {
  parentSchema?: { properties?: Record<string, unknown> };
  data?: unknown;
};

const dotted = (pointer: string) => pointer.replace(/^\//, '').replace(/\//g, '.');
const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

/**
 * Every unknown field of the object an `additionalProperties` error is about. Ajv stops at the first
 * error (allErrors is off on purpose), so the rest are read from the object itself (verbose mode).
 */
function unknownFields(v: AjvError): string[] {
  const known = v.parentSchema?.properties;
  if (known && v.data && typeof v.data === 'object' && !Array.isArray(v.data))
    return Object.keys(v.data).filter((k) => !Object.hasOwn(known, k));
  return [String((v.params as { additionalProperty?: unknown }).additionalProperty)];
}

/** Schema (Ajv) errors as field issues; unknown fields are named one by one. */
function schemaIssues(err: FastifyError): FieldIssue[] {
  return (err.validation as AjvError[]).flatMap((v) => {
    const base = dotted(v.instancePath || '');
    if (v.keyword === 'additionalProperties')
      return unknownFields(v).map((k) => ({ path: join(base, k), message: 'unknown field' }));
    const missing = (v.params as { missingProperty?: string })?.missingProperty;
    return [
      { path: base || String(missing ?? err.validationContext ?? ''), message: v.message ?? 'invalid' },
    ];
  });
}

function schemaDetail(context: string, issues: FieldIssue[]): string {
  const unknown = issues.filter((i) => i.message === 'unknown field').map((i) => i.path);
  const other = issues.filter((i) => i.message !== 'unknown field').map((i) => `${i.path} ${i.message}`);
  const parts = [...(unknown.length ? [`unknown field(s) ${unknown.join(', ')}`] : []), ...other];
  return `invalid ${context}: ${parts.join('; ')}`;
}

/** Fastify error handler: domain errors, schema validation errors, and bugs (500, logged). */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (isSaldoError(err))
    return sendProblem(
      reply,
      problem(
        statusOf[err.kind],
        err.kind === 'validation' ? withIssues(err.message, err.issues) : err.message,
        err.issues,
      ),
    );
  if (err.validation) {
    const issues = schemaIssues(err);
    return sendProblem(reply, problem(400, schemaDetail(err.validationContext ?? 'request', issues), issues));
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return sendProblem(reply, problem(err.statusCode, err.message));
  req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, problem(500, 'an unexpected error occurred; it has been logged'));
}
