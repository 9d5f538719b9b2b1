import { SaldoError } from '../errors/index.js';

/**
 * Account statuses (see the glossary in docs/adr/0004-glossary.md): the one status list. Every
 * writer of `accounts.status` decides the new status with this machine (`moveStatus`,
 * `applyPayment`, the promise rules in `promise.ts`) or, for set-based SQL, with these constants.
 *
 * @example
 * accountStatuses.includes('legal'); // true
 */
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

/**
 * Throws a `conflict` SaldoError for an illegal move.
 *
 * @example
 * assertTransition('closed', 'active'); // throws SaldoError('conflict', …)
 */
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

/**
 * Statuses in which the account is still being collected (contact allowed, subject to compliance).
 *
 * @example
 * collectableStatuses.includes('legal'); // true: an agent or the law firm may still contact
 */
export const collectableStatuses = [
  'active',
  'promised',
  'in_plan',
  'legal',
] as const satisfies readonly AccountStatus[];

/**
 * Terminal statuses: no transition leaves them.
 *
 * @example
 * terminalStatuses.includes('paid'); // true
 */
export const terminalStatuses = ['paid', 'settled', 'closed'] as const satisfies readonly AccountStatus[];

/**
 * Statuses in which an automated strategy keeps working the account. Any other status ends a
 * running journey (`status_changed` → exit `account_status`), `legal` included: once the account
 * is with the lawyers, no automated reminder talks over them.
 *
 * @example
 * strategyStatuses.includes('legal'); // false
 */
export const strategyStatuses = ['active', 'promised', 'in_plan'] as const satisfies readonly AccountStatus[];

/**
 * Statuses in which an account is enrolled into a strategy: in active collection or with a
 * pending promise (an account on a payment plan is not enrolled anew).
 *
 * @example
 * enrolmentStatuses; // ['active', 'promised']
 */
export const enrolmentStatuses = ['active', 'promised'] as const satisfies readonly AccountStatus[];

/**
 * Statuses a creditor file may set on an EXISTING account (the import merge). Workflow statuses
 * (promised, in_plan, disputed, active) belong to Saldo: a creditor feed that says "active" every
 * night must not undo a promise or a dispute recorded here. Each move is still checked against
 * the state machine before the merge.
 *
 * @example
 * creditorOwnedStatuses.includes('promised'); // false
 */
export const creditorOwnedStatuses = [
  'paid',
  'settled',
  'closed',
  'bankrupt',
  'deceased',
  'legal',
  'cease',
] as const satisfies readonly AccountStatus[];

/**
 * Whether a string is an account status.
 *
 * @example
 * isAccountStatus('in_plan'); // true
 * isAccountStatus('charged_off'); // false
 */
export function isAccountStatus(x: string): x is AccountStatus {
  return (accountStatuses as readonly string[]).includes(x);
}

/**
 * `to`, once the state machine allows the move from `from` (a `conflict` SaldoError otherwise):
 * the one way a writer decides the status it stores.
 *
 * @example
 * moveStatus('active', 'promised'); // 'promised'
 * moveStatus('paid', 'active'); // throws: paid is terminal
 */
export function moveStatus(from: AccountStatus, to: AccountStatus): AccountStatus {
  assertTransition(from, to);
  return to;
}
