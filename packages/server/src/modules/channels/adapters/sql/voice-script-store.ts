import type { VoiceScript } from '@saldo/core/channels';
import type { Clock } from '../../../../shared/clock/clock.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import type { VoiceScriptStore } from '../../ports/voice-script-store.js';

/** Call scripts in `voice_scripts`, so whichever process receives Twilio's callback can answer it. */
export function createSqlVoiceScriptStore(db: SqlExecutor, clock: Clock): VoiceScriptStore {
  return {
    async put(s) {
      await db.query(
        `INSERT INTO voice_scripts (id, org_id, country, script, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET country = EXCLUDED.country, script = EXCLUDED.script WHERE voice_scripts.org_id = EXCLUDED.org_id`,
        [s.id, s.orgId, s.country, JSON.stringify(s.script), clock.now()],
      );
    },
    async get(id) {
      const r = await db.query<{ id: string; org_id: string; country: string; script: VoiceScript }>(
        'SELECT id, org_id, country, script FROM voice_scripts WHERE id = $1',
        [id],
      );
      const row = r.rows[0];
      return row ? { id: row.id, orgId: row.org_id, country: row.country, script: row.script } : null;
    },
  };
}
