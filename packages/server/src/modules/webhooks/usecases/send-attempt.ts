import type { Clock } from '../../../shared/clock/clock.js';
import type { SecretBox } from '../../../shared/crypto/secret-box.js';
import type { AttemptOutcome, ClaimedDelivery, WebhookSender } from '../ports.js';
import { SIGNATURE_HEADER, signatureHeader } from '../signature.js';
import { webhookEventBody } from '../webhook-event-types.js';
import { webhookSecretAad } from '../webhook-secrets.js';

const MAX_ERROR_LENGTH = 500;

interface AttemptDeps {
  sender: WebhookSender;
  box: SecretBox;
  clock: Clock;
  userAgent: string;
}

/** The secrets that sign now: the current one, and the previous one until it expires. */
function signingSecrets(box: SecretBox, c: ClaimedDelivery, now: Date): string[] {
  const current = box.open(c.secretEnc, webhookSecretAad(c.orgId, c.subscriptionId, 'current'));
  const previousValid =
    c.previousSecretEnc !== null && c.previousSecretExpiresAt !== null && c.previousSecretExpiresAt > now;
  return previousValid
    ? [current, box.open(c.previousSecretEnc!, webhookSecretAad(c.orgId, c.subscriptionId, 'previous'))]
    : [current];
}

/** One POST of a claimed delivery, signed; what happened, never thrown. */
export async function sendAttempt(
  d: AttemptDeps,
  c: ClaimedDelivery,
  timeoutMs: number,
): Promise<Omit<AttemptOutcome, 'retryAt'>> {
  const started = d.clock.now();
  const outcome = (status: number | null, error: string | null) => ({
    at: started,
    status,
    delivered: error === null,
    error,
    durationMs: Math.max(0, d.clock.now().getTime() - started.getTime()),
  });
  if (!c.event) return { ...outcome(null, 'the event is no longer stored'), durationMs: 0 };
  const envelope = webhookEventBody({ ...c.event, orgId: c.orgId });
  const body = JSON.stringify(envelope);
  try {
    const { status } = await d.sender.post({
      url: c.url,
      body,
      timeoutMs,
      headers: {
        [SIGNATURE_HEADER]: signatureHeader(signingSecrets(d.box, c, started), body, started),
        'Saldo-Event-Id': envelope.id,
        'Saldo-Event-Type': envelope.type,
        'User-Agent': d.userAgent,
      },
    });
    return outcome(status, status >= 200 && status < 300 ? null : `HTTP ${status}`);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return outcome(null, message.slice(0, MAX_ERROR_LENGTH));
  }
}
