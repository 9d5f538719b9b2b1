import { z } from 'zod';
import { channels, dayParts, languages, variants } from './intents.js';

/** Local wall-clock time "HH:MM" (24 h). */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Preferred time of day to be contacted. At least one of the fields is present. */
export const TimeOfDay = z.object({
  from: hhmm.optional(),
  to: hhmm.optional(),
  part: z.enum(dayParts).optional(),
});
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/** An amount in major units as written ("1,200.50" → 1200.5) with an ISO 4217 code when stated. */
export const NluAmount = z.object({
  value: z.number().nonnegative(),
  currency: z.string().length(3).optional(),
});
export type NluAmount = z.infer<typeof NluAmount>;

/** Entities found in one utterance; keys are omitted when not found. */
export const NluEntities = z.object({
  amount: NluAmount.optional(),
  /** ISO calendar date (YYYY-MM-DD) in the debtor's zone. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  installments: z.number().int().positive().optional(),
  channel: z.enum(channels).optional(),
  timeOfDay: TimeOfDay.optional(),
});
export type NluEntities = z.infer<typeof NluEntities>;

/**
 * One request line of `saldo nlu parse` / `POST /v1/nlu/parse`.
 * `now` is a local reference time ("2026-11-24T10:00:00") in `timezone`, or an instant with offset.
 */
export const NluParseInput = z.strictObject({
  text: z.string().max(20_000),
  lang: z.enum(languages).optional(),
  now: z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
      'expected an ISO date-time',
    )
    .optional(),
  timezone: z.string().min(1).max(64).optional(),
});
export type NluParseInput = z.infer<typeof NluParseInput>;

/** One labelled utterance of the corpus (`packages/models/nlu-corpus/*.jsonl`) or of an organisation. */
export const NluExample = z.object({
  id: z.string().optional(),
  text: z.string(),
  lang: z.enum(languages).optional(),
  variant: z.enum(variants).optional(),
  intent: z.string().min(1),
  secondary: z.array(z.string()).optional(),
  now: z.string().optional(),
  timezone: z.string().optional(),
  entities: NluEntities.partial().optional(),
});
export type NluExample = z.infer<typeof NluExample>;
