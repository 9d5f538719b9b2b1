import type { Db } from '../../../shared/db/db.js';
import type { JourneyStore } from '../ports.js';
import { createSqlJourneyApply } from './sql-journey-apply.js';
import { createSqlJourneyClaims } from './sql-journey-claims.js';
import { createSqlJourneyEnrolment } from './sql-journey-enrolment.js';
import { createSqlJourneyReads } from './sql-journey-reads.js';

/** The journey store on SQL: one group of queries per path that uses it. */
export function createSqlJourneyStore(db: Db): JourneyStore {
  return {
    ...createSqlJourneyClaims(db),
    ...createSqlJourneyApply(db),
    ...createSqlJourneyReads(db),
    ...createSqlJourneyEnrolment(db),
  };
}
