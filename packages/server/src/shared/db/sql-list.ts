/**
 * A SQL list literal `('a','b')` of fixed vocabulary values (core constants such as account
 * statuses), for set-based statements that must agree with core. Never for user input: a value
 * that is not a plain lower-case word is refused.
 */
export function sqlTextList(values: readonly string[]): string {
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new Error(`not a vocabulary value: ${v}`);
  return `(${values.map((v) => `'${v}'`).join(',')})`;
}
