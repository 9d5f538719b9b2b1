import type {
  Channel,
  TemplatePurpose,
  VoiceScriptFields,
  WhatsAppTemplateFields,
} from '@saldo/core/channels';
import type { Db, SqlExecutor } from '../../../../shared/db/db.js';
import type {
  NewOrgTemplate,
  OrgTemplate,
  OrgTemplatePatch,
  OrgTemplateStatus,
  TemplateStore,
} from '../../ports/template-catalog.js';
import { iso, isoReq } from '../../../../shared/db/iso.js';
import { isUniqueViolation } from './channel-records.js';

type Row = {
  id: string;
  org_id: string;
  template_key: string;
  purpose: string;
  channel: string;
  locale: string;
  subject: string | null;
  body: string;
  html: string | null;
  whatsapp: WhatsAppTemplateFields | null;
  voice: VoiceScriptFields | null;
  status: OrgTemplateStatus;
  version: number;
  countries: string[];
  created_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  published_at: Date | string | null;
};

const COLS =
  'id, org_id, template_key, purpose, channel, locale, subject, body, html, whatsapp, voice, status, version, countries, created_by, created_at, updated_at, published_at';

function toTemplate(r: Row): OrgTemplate {
  return {
    id: r.id,
    orgId: r.org_id,
    key: r.template_key,
    purpose: r.purpose as TemplatePurpose,
    channel: r.channel as Channel,
    locale: r.locale,
    subject: r.subject,
    body: r.body,
    html: r.html,
    whatsapp: r.whatsapp,
    voice: r.voice,
    status: r.status,
    version: r.version,
    countries: r.countries,
    createdBy: r.created_by,
    createdAt: isoReq(r.created_at),
    updatedAt: isoReq(r.updated_at),
    publishedAt: iso(r.published_at),
  };
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** Organisations' templates in `message_templates` (migration 0011). */
export function createSqlTemplateStore(db: Db): TemplateStore {
  return {
    async createDraft(t, at) {
      // Two concurrent drafts of one key compute the same version: the loser retries once.
      for (let attempt = 0; ; attempt++) {
        try {
          return await insertNext(db, t, at);
        } catch (e) {
          if (!isUniqueViolation(e) || attempt >= 2) throw e;
        }
      }
    },
    async get(orgId, id) {
      const r = await db.query<Row>(`SELECT ${COLS} FROM message_templates WHERE org_id = $1 AND id = $2`, [
        orgId,
        id,
      ]);
      return r.rows[0] ? toTemplate(r.rows[0]) : null;
    },
    list: (orgId, f = {}) => listTemplates(db, orgId, f),
    updateDraft: (orgId, id, p, at) => updateDraft(db, orgId, id, p, at),
    publish: (orgId, id, at) => db.transaction((tx) => publishDraft(tx, orgId, id, at)),
    async published(orgId) {
      const r = await db.query<Row>(
        `SELECT ${COLS} FROM message_templates WHERE org_id = $1 AND status = 'published' ORDER BY published_at DESC, id`,
        [orgId],
      );
      return r.rows.map(toTemplate);
    },
  };
}

/** Inserts the draft as the next version of (org, key, channel, locale). */
async function insertNext(tx: SqlExecutor, t: NewOrgTemplate, at: Date): Promise<OrgTemplate> {
  const r = await tx.query<Row>(
    `INSERT INTO message_templates (org_id, template_key, purpose, channel, locale, subject, body, html, whatsapp, voice, status, version, countries, created_by, created_at, updated_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', COALESCE(MAX(version), 0) + 1, $11, $12, $13, $13
       FROM message_templates WHERE org_id = $1 AND template_key = $2 AND channel = $4 AND locale = $5
     RETURNING ${COLS}`,
    [
      t.orgId,
      t.key,
      t.purpose,
      t.channel,
      t.locale,
      t.subject,
      t.body,
      t.html,
      json(t.whatsapp),
      json(t.voice),
      t.countries,
      t.createdBy,
      at,
    ],
  );
  return toTemplate(r.rows[0]!);
}

async function listTemplates(
  db: SqlExecutor,
  orgId: string,
  f: NonNullable<Parameters<TemplateStore['list']>[1]>,
): Promise<OrgTemplate[]> {
  const where = ['org_id = $1'];
  const params: unknown[] = [orgId];
  const add = (col: string, v: string | undefined) => {
    if (v === undefined) return;
    params.push(v);
    where.push(`${col} = $${params.length}`);
  };
  add('template_key', f.key);
  add('channel', f.channel);
  add('locale', f.locale);
  add('status', f.status);
  const r = await db.query<Row>(
    `SELECT ${COLS} FROM message_templates WHERE ${where.join(' AND ')} ORDER BY template_key, channel, locale, version DESC`,
    params,
  );
  return r.rows.map(toTemplate);
}

/** Changes the given fields of a draft; a published version is never changed (null). */
async function updateDraft(
  db: SqlExecutor,
  orgId: string,
  id: string,
  p: OrgTemplatePatch,
  at: Date,
): Promise<OrgTemplate | null> {
  const sets: string[] = [];
  const params: unknown[] = [orgId, id, at];
  const set = (col: string, v: unknown) => {
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  };
  if (p.purpose !== undefined) set('purpose', p.purpose);
  if (p.subject !== undefined) set('subject', p.subject);
  if (p.body !== undefined) set('body', p.body);
  if (p.html !== undefined) set('html', p.html);
  if (p.whatsapp !== undefined) set('whatsapp', json(p.whatsapp));
  if (p.voice !== undefined) set('voice', json(p.voice));
  if (p.countries !== undefined) set('countries', p.countries);
  const r = await db.query<Row>(
    `UPDATE message_templates SET updated_at = $3${sets.map((s) => `, ${s}`).join('')} WHERE org_id = $1 AND id = $2 AND status = 'draft' RETURNING ${COLS}`,
    params,
  );
  return r.rows[0] ? toTemplate(r.rows[0]) : null;
}

/** Publishes a draft (locked), superseding the published version of the same key, channel and locale. */
async function publishDraft(
  tx: SqlExecutor,
  orgId: string,
  id: string,
  at: Date,
): Promise<OrgTemplate | null> {
  const d = await tx.query<Row>(
    `SELECT ${COLS} FROM message_templates WHERE org_id = $1 AND id = $2 AND status = 'draft' FOR UPDATE`,
    [orgId, id],
  );
  const draft = d.rows[0];
  if (!draft) return null;
  await tx.query(
    `UPDATE message_templates SET status = 'superseded', updated_at = $5 WHERE org_id = $1 AND template_key = $2 AND channel = $3 AND locale = $4 AND status = 'published'`,
    [orgId, draft.template_key, draft.channel, draft.locale, at],
  );
  const r = await tx.query<Row>(
    `UPDATE message_templates SET status = 'published', published_at = $3, updated_at = $3 WHERE org_id = $1 AND id = $2 RETURNING ${COLS}`,
    [orgId, id, at],
  );
  return toTemplate(r.rows[0]!);
}
