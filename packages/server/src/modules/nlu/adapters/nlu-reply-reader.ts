import type { InboundMessage, ReplyReader } from '../../strategy/index.js';
import type { NluService } from './nlu-service.js';

export interface NluReplyReaderOptions {
  /** The NLU service, loaded on the first reply that needs it. */
  nlu: () => Promise<NluService>;
  /**
   * The intent a reply already carries, if its channel knows it (the sandbox's simulated debtors
   * write with the intent their behaviour model chose): such a reply is not read again.
   */
  knownIntent?: (message: InboundMessage) => string | null;
}

/** The strategy engine's `ReplyReader`: the NLU, in the debtor's zone, with the date and amount it names. */
export function createNluReplyReader(o: NluReplyReaderOptions): ReplyReader {
  return {
    async read(reply) {
      const known = o.knownIntent?.(reply.message);
      if (known) return { intent: known };
      const r = await (
        await o.nlu()
      ).parseAsync({
        text: reply.text,
        now: reply.at,
        ...(reply.timezone ? { timezone: reply.timezone } : {}),
      });
      return {
        intent: r.intent,
        ...(r.secondary ? { secondary: r.secondary } : {}),
        ...(r.entities.date ? { date: r.entities.date } : {}),
        ...(r.entities.amount ? { amount: r.entities.amount } : {}),
      };
    },
  };
}
