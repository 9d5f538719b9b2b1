/** timestamptz values come back as Date (pg) or Date (PGlite); the API speaks ISO strings. */
export function iso(v: Date | string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return (v instanceof Date ? v : new Date(v)).toISOString();
}
export function isoReq(v: Date | string): string {
  return (v instanceof Date ? v : new Date(v)).toISOString();
}
