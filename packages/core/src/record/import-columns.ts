/**
 * The portfolio import format: one row per account. Documented in docs/import.md; a sample
 * lives in examples/portfolio-sample.csv. Money columns are decimal MAJOR units as creditors
 * write them ("1234.56"); Saldo stores integer minor units.
 */
export const importColumns = [
  'external_ref', // required: the creditor's account reference, unique per organization (upsert key)
  'debtor_ref', // required: the creditor's person reference; several accounts may share one debtor
  'first_name',
  'last_name', // required
  'language', // es | en (default from country)
  'country', // required: ISO 3166-1 alpha-2
  'region', // ISO 3166-2, e.g. US-MA, MX-CMX, ES-MD
  'timezone', // IANA zone; default derived from country/region when unambiguous
  'date_of_birth', // YYYY-MM-DD; stored only as a salted hash for identity checks
  'national_id_last4', // last 4 characters of a national id; stored only as a salted hash
  'phone', // E.164 or national format for the row's country
  'phone_type', // mobile | landline | voip (derived from the number when blank)
  'email',
  'whatsapp', // E.164
  'consent_call', // true | false | blank (unknown)
  'consent_sms',
  'consent_whatsapp',
  'consent_email',
  'preferred_channel', // email | sms | whatsapp | call
  'vulnerability', // ;-separated flags, e.g. illness;bereavement
  'product', // e.g. credit_card, personal_loan, utility, telco, bnpl
  'currency', // required: ISO 4217
  'principal', // required, >= 0
  'interest', // >= 0, default 0
  'fees', // >= 0, default 0
  'balance', // >= 0, default principal + interest + fees
  'delinquent_since', // YYYY-MM-DD; blank = current
  'status', // default active (see account status machine)
  'tags', // ;-separated
] as const;
export type ImportColumn = (typeof importColumns)[number];
export const requiredImportColumns: readonly ImportColumn[] = [
  'external_ref',
  'debtor_ref',
  'last_name',
  'country',
  'currency',
  'principal',
];

/** A raw row as it arrives from a file or JSON: every field a string (blank = absent). */
export type RawImportRow = Partial<Record<ImportColumn, string>>;
