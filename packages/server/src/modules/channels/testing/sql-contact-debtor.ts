import type { Clock } from '../../../shared/clock/clock.js';
import type { Db } from '../../../shared/db/db.js';
import { testVault } from '../../../shared/crypto/test-vault.js';
import { createSqlTimelineStore } from '../../record/adapters/sql-timeline-store.js';
import { createPaymentLinks } from '../adapters/payment-links.js';
import {
  createSqlComplianceRefusalStore,
  createSqlContactTargetStore,
} from '../adapters/sql/contact-target-store.js';
import { createSqlOutboundMessageStore } from '../adapters/sql/outbound-message-store.js';
import { createSqlVoiceScriptStore } from '../adapters/sql/voice-script-store.js';
import type { ChannelProvider } from '../ports/channel-provider.js';
import type { Messaging } from '../ports/messaging.js';
import { createContactDebtor, type ContactDebtorDeps } from '../usecases/contact-debtor.js';

/**
 * The real send path over the SQL stores with one provider for every channel, for tests and drills
 * (`over`: a transaction wrapper, leases, a checkpoint…).
 */
export function sqlContactDebtor(
  db: Db,
  clock: Clock,
  provider: ChannelProvider,
  over: Partial<ContactDebtorDeps> = {},
): Messaging {
  return createContactDebtor({
    targets: createSqlContactTargetStore(db),
    outbound: createSqlOutboundMessageStore(db),
    refusals: createSqlComplianceRefusalStore(db),
    timeline: createSqlTimelineStore(db, testVault()),
    router: { forChannel: async () => provider },
    voiceScripts: createSqlVoiceScriptStore(db, clock),
    paymentLinks: createPaymentLinks({ publicUrl: 'https://saldo.example.com', secret: 'k' }),
    clock,
    tx: (fn) => db.transaction(() => fn()),
    ...over,
  });
}
