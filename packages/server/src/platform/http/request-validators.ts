// How request schemas are compiled: one Ajv for bodies, one for the text parts of a request.
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type ValidatorFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;

// Shared by both: an unknown property is an error, never silently removed (Fastify's default,
// `removeAdditional: true`, turned a misspelt stricter setting into "no setting"). `verbose` keeps
// the offending object on the error so the 400 can name every unknown field of it, while
// `allErrors` stays off: collecting every error of a large hostile body costs memory and time.
// `allowUnionTypes`: import rows accept a JSON string, number or boolean per column.
const common = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  verbose: true,
  allowUnionTypes: true,
};

/**
 * Bodies are JSON and arrive typed, so they are never coerced: `"amountMinor": "100"` is refused
 * rather than read as 100. Query strings, path parameters and headers are text by nature, so
 * their declared types are read from text (`?limit=5` → 5; a repeated key → an array). Two Ajv
 * instances, chosen by the part of the request, keep both rules without per-route compilers;
 * each keeps Fastify's formats (email, date, date-time) and shared schemas.
 */
export function requestValidators(): ValidatorFactory {
  const bodies = AjvCompiler();
  const text = AjvCompiler();
  return (externalSchemas) => {
    const body = bodies(externalSchemas, { customOptions: { ...common, coerceTypes: false } });
    const other = text(externalSchemas, { customOptions: { ...common, coerceTypes: 'array' } });
    return (route) => (route.httpPart === 'body' ? body(route) : other(route));
  };
}
