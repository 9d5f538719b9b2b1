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
    return (route) => (route.httpPart === 'body' ? body(route) : finiteOnly(other(route)));
  };
}

/** An Ajv validate function as Fastify uses it: called with the data (and its parent), errors after. */
type Validate = { (data: unknown, ctx?: unknown): boolean; errors?: unknown; schemaEnv?: unknown };

/** The first non-finite number in a value (its JSON-pointer path), or null. */
function nonFinite(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '/';
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const hit = nonFinite(v, `${path}/${k}`);
    if (hit) return hit;
  }
  return null;
}

/**
 * Text is read as numbers with `Number()`, so `?limit=1e309` becomes Infinity — which Ajv's
 * `integer` accepts (`Infinity % 1` is NaN, not 1). No number in Saldo is infinite: refuse it.
 */
function finiteOnly<V extends object>(compiled: V): V {
  const validate = compiled as unknown as Validate;
  const wrapped: Validate = (data, ctx) => {
    if (!validate(data, ctx)) {
      wrapped.errors = validate.errors;
      return false;
    }
    const at = nonFinite(data);
    wrapped.errors = at && [
      {
        instancePath: at,
        schemaPath: '#',
        keyword: 'finite',
        params: {},
        message: 'must be a finite number',
      },
    ];
    return !at;
  };
  // Fastify passes the parent object only to Ajv functions (it lets coercion replace the root).
  return Object.assign(wrapped, {
    schema: (compiled as { schema?: unknown }).schema,
    schemaEnv: validate.schemaEnv,
  }) as unknown as V;
}
