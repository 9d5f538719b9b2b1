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

/** Fastify error handler: domain errors, schema validation errors, and bugs (500, logged). */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (isSaldoError(err)) return sendProblem(reply, problem(statusOf[err.kind], err.message, err.issues));
  if (err.validation) {
    const errors = err.validation.map((v) => ({
      path:
        (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') ||
        String((v.params as { missingProperty?: string })?.missingProperty ?? err.validationContext ?? ''),
      message: v.message ?? 'invalid',
    }));
    return sendProblem(
      reply,
      problem(
        400,
        `invalid ${err.validationContext ?? 'request'}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        errors,
      ),
    );
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return sendProblem(reply, problem(err.statusCode, err.message));
  req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, problem(500, 'an unexpected error occurred; it has been logged'));
}
