import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  ErasureActor,
  ErasureResult,
  ErasureStore,
  PersonalDataReader,
  RetentionPolicy,
  RetentionStore,
} from '../ports.js';

/** Bounds of a retention period in days (null: keep until erased on request). */
export const RETENTION_DAYS = { min: 30, max: 3650 } as const;

/** What the export says about itself, in the debtor's two languages. */
const about = {
  es: 'Todos los datos personales que Saldo guarda sobre esta persona deudora, y los hechos que se conservan por obligación legal (docs/privacy.md). Tras una supresión, los datos personales ya no existen: quedan solo los hechos (importes, fechas, estados).',
  en: 'Every personal datum Saldo holds on this debtor, and the facts kept because the law requires them (docs/privacy.md). After an erasure the personal data no longer exists: only the facts (amounts, dates, statuses) remain.',
};

export interface Privacy {
  exportPersonalData(orgId: string, debtorId: string): Promise<Record<string, unknown>>;
  erase(
    orgId: string,
    debtorId: string,
    reason: string,
    actor: ErasureActor,
  ): Promise<ErasureResult & { repeated: boolean }>;
  retention(orgId: string): Promise<RetentionPolicy>;
  setRetention(orgId: string, closedAccountDays: number | null, by: string): Promise<RetentionPolicy>;
  /** The worker job: erases up to `batch` debtors past their organisation's retention period. */
  eraseExpired(batch?: number): Promise<{ erased: number }>;
}

export function createPrivacy(deps: {
  erasures: ErasureStore;
  reader: PersonalDataReader;
  retention: RetentionStore;
  clock: Clock;
}): Privacy {
  const { erasures, reader, retention, clock } = deps;
  return {
    async exportPersonalData(orgId, debtorId) {
      const data = await reader.export(orgId, debtorId);
      if (!data) throw new SaldoError('not_found', `debtor ${debtorId} not found`);
      return {
        generatedAt: clock.now().toISOString(),
        organizationId: orgId,
        debtorId,
        erased: data.erasure !== null,
        about,
        ...data,
      };
    },
    async erase(orgId, debtorId, reason, actor) {
      const trimmed = reason.trim();
      if (trimmed.length === 0)
        throw new SaldoError('validation', 'reason is required', [{ path: 'reason', message: 'empty' }]);
      const { result, repeated } = await erasures.erase(
        { orgId, debtorId, reason: trimmed, basis: 'request', actor },
        clock.now(),
      );
      return { ...result, repeated };
    },
    retention: (orgId) => retention.current(orgId),
    async setRetention(orgId, days, by) {
      if (
        days !== null &&
        (!Number.isInteger(days) || days < RETENTION_DAYS.min || days > RETENTION_DAYS.max)
      )
        throw new SaldoError('validation', 'closedAccountDays must be null or an integer from 30 to 3650', [
          {
            path: 'closedAccountDays',
            message: `${days} is outside ${RETENTION_DAYS.min}..${RETENTION_DAYS.max}`,
          },
        ]);
      return retention.save(orgId, days, by, clock.now());
    },
    async eraseExpired(batch = 100) {
      const now = clock.now();
      let erased = 0;
      for (const d of await retention.due(now, batch)) {
        const days = (await retention.current(d.orgId)).closedAccountDays;
        if (days === null) continue;
        const closedBefore = new Date(now.getTime() - days * 86_400_000);
        const r = await erasures.eraseExpired(
          {
            ...d,
            reason: `retention: every account closed for more than ${days} days`,
            basis: 'retention',
            actor: { kind: 'system', id: 'retention' },
          },
          closedBefore,
          now,
        );
        if (r) erased++;
      }
      return { erased };
    },
  };
}
