/**
 * The kinds of fact a reply states. `sequenceKinds` are compared in order of appearance (two
 * amounts swapped between two dates is a different promise); `countKinds` by how many times each
 * is said, in any order (one of two mentions of the creditor replaced by another name is a
 * change); `setKinds` by presence (saying "plan" twice is not a second plan).
 */
export const sequenceKinds = [
  'amount',
  'percent',
  'number',
  'date',
  'weekday',
  'relative_day',
  'time',
  'duration',
  'frequency',
  'url',
  'email',
  'phone',
  'reference',
] as const;
export const countKinds = ['name'] as const;
export const setKinds = ['keyword', 'channel', 'term', 'ordinal'] as const;
export const factKinds = [...sequenceKinds, ...countKinds, ...setKinds] as const;
export type FactKind = (typeof factKinds)[number];

/**
 * One fact: its kind, a canonical value that does not depend on how it is written ("$4,850.00"
 * and "4,850 pesos" in es-MX are both `MXN 4850`; "viernes" and "Friday" are both `5`), and where
 * it is in the text.
 */
export interface ReplyFact {
  kind: FactKind;
  value: string;
  /** As written. */
  text: string;
  start: number;
}

/** A kind whose facts differ between the template and the rephrasing: the values of each, in order. */
export interface FactDifference {
  kind: FactKind;
  template: string[];
  rephrased: string[];
}
