// JSON schemas of the template administration routes (validation and the OpenAPI document).
import { channels, templatePurposes } from '@saldo/core/channels';

export const templateIdParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^tpl_[A-Za-z0-9_-]{1,100}$' } },
} as const;
const templateKey = { type: 'string', pattern: '^[a-z0-9_]{1,64}$' } as const;
const locale = { type: 'string', pattern: '^(es|en)(-[A-Z]{2})?$' } as const;
const countries = {
  type: 'array',
  minItems: 1,
  maxItems: 50,
  items: { type: 'string', pattern: '^[A-Z]{2}$' },
} as const;
const nullableString = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;

/** The fields a draft may set or change. */
export const editableTemplateFields = {
  purpose: { type: 'string', enum: [...templatePurposes] },
  subject: nullableString(200),
  body: { type: 'string', minLength: 1, maxLength: 20_000 },
  html: nullableString(100_000),
  whatsapp: {
    type: ['object', 'null'],
    description:
      'WhatsApp template fields: name, language, category, header, footer, buttons, status, twilioContentSid (the Twilio Content SID HX…, for sends through Twilio outside the 24-hour window)',
  },
  voice: {
    type: ['object', 'null'],
    description:
      'Prompts of a scripted call: identity, wrongPerson, menu, transferring, linkSent, noInput, goodbye',
  },
  countries,
} as const;

export const templateListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    key: templateKey,
    channel: { type: 'string', enum: [...channels] },
    locale,
    status: { type: 'string', enum: ['draft', 'published', 'superseded'] },
  },
} as const;

export const effectiveTemplateQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'channel', 'locale'],
  properties: {
    key: { type: 'string', minLength: 1, maxLength: 120 },
    channel: { type: 'string', enum: [...channels] },
    locale,
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
} as const;

export const newDraftBody = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'channel', 'locale', 'body'],
  properties: {
    key: templateKey,
    channel: { type: 'string', enum: [...channels] },
    locale,
    ...editableTemplateFields,
  },
} as const;

export const draftPatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: editableTemplateFields,
} as const;

/** Optional: a POST without a body previews with the default sample values. */
export const previewSampleBody = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    firstName: { type: 'string', maxLength: 100 },
    lastName: { type: 'string', maxLength: 100 },
    amountMinor: { type: 'integer', minimum: 0 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    dueDate: { type: 'string', maxLength: 40 },
    creditorName: { type: 'string', maxLength: 200 },
    collectorName: { type: 'string', maxLength: 200 },
    agentName: { type: 'string', maxLength: 100 },
    callbackNumber: { type: 'string', maxLength: 40 },
    paymentLink: { type: 'string', maxLength: 2000 },
  },
} as const;
