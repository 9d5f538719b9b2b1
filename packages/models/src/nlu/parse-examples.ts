import { SaldoError, type FieldIssue } from '@saldo/core';
import { NluExample } from '@saldo/core/nlu';

/**
 * Parses JSON Lines of labelled examples (a corpus file, an organisation's examples); every bad line
 * is reported with its 1-based number.
 *
 * @example
 * parseExamples('{"text":"ya pagué","intent":"already_paid"}', 'org.jsonl') // → [{ text: 'ya pagué', intent: 'already_paid' }]
 */
export function parseExamples(text: string, source: string): NluExample[] {
  const out: NluExample[] = [];
  const issues: FieldIssue[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      issues.push({ row: i + 1, path: source, message: 'not valid JSON' });
      return;
    }
    const parsed = NluExample.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else
      for (const e of parsed.error.issues)
        issues.push({ row: i + 1, path: `${source}:${e.path.join('.')}`, message: e.message });
  });
  if (issues.length > 0)
    throw new SaldoError(
      'validation',
      `${source}: ${new Set(issues.map((i) => i.row)).size} invalid example line(s)`,
      issues,
    );
  return out;
}
