import { SaldoError } from '../errors/index.js';

/** Account statuses (see the glossary in docs/adr/0004-glossary.md). */
export const accountStatuses = [
  'active',
  'promised',
  'in_plan',
  'disputed',
  'paid',
  'settled',
  'closed',
  'cease',
  'bankrupt',
  'deceased',
  'legal',
] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/**
 * The explicit state machine. Terminal: paid, settled, closed. `cease`, `bankrupt`, `deceased`
 * stop collection but can be closed (or reopened to `active` for cease, when a written
 * revocation arrives; bankruptcy can be dismissed). Anything may move to `closed` (recall by the
 * creditor). A payment that clears the balance moves any collectable status to `paid`.
 */
const transitions: Record<AccountStatus, readonly AccountStatus[]> = {
  active: [
    'promised',
    'in_plan',
    'disputed',
    'paid',
    'settled',
    'closed',
    'cease',
    'bankrupt',
    'deceased',
    'legal',
  ],
  promised: [
    'active',
    'in_plan',
    'disputed',
    'paid',
    'settled',
    'closed',
    'cease',
    'bankrupt',
    'deceased',
    'legal',
  ],
  in_plan: ['active', 'disputed', 'paid', 'settled', 'closed', 'cease', 'bankrupt', 'deceased', 'legal'],
  disputed: ['active', 'paid', 'settled', 'closed', 'cease', 'bankrupt', 'deceased', 'legal'],
  legal: ['active', 'promised', 'in_plan', 'paid', 'settled', 'closed', 'bankrupt', 'deceased'],
  cease: ['active', 'paid', 'settled', 'closed', 'bankrupt', 'deceased', 'legal'],
  bankrupt: ['active', 'closed', 'deceased'],
  deceased: ['closed', 'paid', 'settled'],
  paid: [],
  settled: [],
  closed: [],
};

/** @example canTransition('active', 'promised') // true */
export function canTransition(from: AccountStatus, to: AccountStatus): boolean {
  return from === to || transitions[from].includes(to);
}

/** @example nextStatuses('paid') // [] */
export function nextStatuses(from: AccountStatus): readonly AccountStatus[] {
  return transitions[from];
}

/** Throws a `conflict` SaldoError for an illegal move. */
export function assertTransition(from: AccountStatus, to: AccountStatus): void {
  if (!canTransition(from, to)) {
    throw new SaldoError('conflict', `account status cannot move from ${from} to ${to}`, [
      {
        path: 'status',
        message: `allowed from ${from}: ${transitions[from].join(', ') || 'none (terminal)'}`,
      },
    ]);
  }
}

/** Statuses in which the account is still being collected (contact allowed, subject to compliance). */
export const collectableStatuses: readonly AccountStatus[] = ['active', 'promised', 'in_plan', 'legal'];
