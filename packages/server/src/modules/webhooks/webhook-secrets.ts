// Signing secrets at rest: sealed with the root key (its own HKDF purpose, so no other sealed
// value decrypts as one), bound to their subscription by the additional data.
import { createSecretBox, type SecretBox } from '../../shared/crypto/secret-box.js';

export function webhookSecretBox(rootSecret: string, retiredSecrets: readonly string[] = []): SecretBox {
  return createSecretBox(rootSecret, 'saldo/webhook-secrets/v1', retiredSecrets);
}

/** `current` or the one before the last rotation (`previous`). */
export function webhookSecretAad(
  orgId: string,
  subscriptionId: string,
  which: 'current' | 'previous',
): string {
  return `${orgId}|${subscriptionId}|${which}`;
}
