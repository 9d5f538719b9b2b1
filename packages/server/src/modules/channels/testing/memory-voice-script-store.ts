import type { StoredVoiceScript, VoiceScriptStore } from '../ports/voice-script-store.js';

export class MemoryVoiceScriptStore implements VoiceScriptStore {
  readonly #scripts = new Map<string, StoredVoiceScript>();
  async put(s: StoredVoiceScript): Promise<void> {
    this.#scripts.set(s.id, structuredClone(s));
  }
  async get(id: string): Promise<StoredVoiceScript | null> {
    const s = this.#scripts.get(id);
    return s ? structuredClone(s) : null;
  }
}
