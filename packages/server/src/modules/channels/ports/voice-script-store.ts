import type { VoiceScript } from '@saldo/core/channels';

/**
 * Rendered scripts of outbound calls, looked up by the voice webhook at each turn. Stored before the
 * call is placed so that any process can answer Twilio's callbacks.
 */
export interface StoredVoiceScript {
  id: string;
  orgId: string;
  /** Debtor's country: a US machine answer gets a limited-content voicemail only (12 CFR 1006.2(j)). */
  country: string;
  script: VoiceScript;
}

export interface VoiceScriptStore {
  put(s: StoredVoiceScript): Promise<void>;
  get(id: string): Promise<StoredVoiceScript | null>;
}
