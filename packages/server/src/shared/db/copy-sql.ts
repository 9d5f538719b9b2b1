/** `COPY t (a, b) FROM STDIN WITH (...)` → `COPY t (a, b) FROM '/dev/blob' WITH (...)` for PGlite. */
export function rewriteCopyForBlob(copySql: string): string {
  const out = copySql.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'");
  if (out === copySql) throw new Error(`not a COPY … FROM STDIN statement: ${copySql.slice(0, 80)}`);
  return out;
}

/** Quote one value for COPY … (FORMAT csv). `null` and `undefined` become NULL (empty, unquoted). */
export function csvField(v: string | number | bigint | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (s === '') return '""';
  return /[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A Postgres array literal for a text[] column inside a CSV field. */
export function pgTextArray(items: readonly string[]): string {
  return `{${items.map((i) => `"${i.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
