import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultTemplates } from '@saldo/core/channels';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { createSqlTemplateStore } from '../adapters/sql/template-store.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { Db } from '../../../shared/db/db.js';
import type { TemplateStore } from '../ports/template-catalog.js';
import { describeStorage } from '../../../../test/storage.js';
import { newTenant, T0, testPlatform } from '../../../../test/fixtures.js';
import { createTemplates, type Templates } from './templates.js';

const MX_SMS =
  'ORG {{debtor.firstName}}: {{collector.name}} por {{creditor.name}}, saldo {{amount}}. {{optOutInstructions}}';

describeStorage('templates use case and catalog', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let templates: Templates;
  let orgId: string;
  let platform: Platform;
  const clock = new ManualClock(T0);
  beforeAll(async () => {
    db = await mode.open();
    ({ platform } = await testPlatform(db));
    orgId = (await newTenant(platform)).orgId;
    templates = createTemplates({ store: createSqlTemplateStore(db), clock });
  });
  afterAll(async () => {
    await db.drop();
  });
  const resolve = (
    templateId: string,
    channel: 'sms' | 'call' | 'voicebot' | 'email',
    locale: string,
    country: string,
  ) => templates.catalog.resolve({ orgId, templateId, channel, locale, country });

  it('versions drafts, supersedes the published version and resolves org first, built-in otherwise', async () => {
    expect((await resolve('tpl_default_reminder_sms_es-MX', 'sms', 'es-MX', 'MX')).id).toBe(
      'tpl_default_reminder_sms_es-MX',
    );
    const v1 = await templates.createDraft(
      orgId,
      { key: 'sms_reminder_v1', channel: 'sms', locale: 'es-MX', body: MX_SMS },
      'test',
    );
    expect(v1.template).toMatchObject({
      purpose: 'reminder',
      version: 1,
      countries: ['MX'],
      status: 'draft',
    });
    // A draft is never used.
    expect((await resolve('sms_reminder_v1', 'sms', 'es-MX', 'MX')).id).toBe(
      'tpl_default_reminder_sms_es-MX',
    );
    await templates.publish(orgId, v1.template.id);
    // By key, by built-in id (same purpose), by its own id; an es-CO debtor gets the es-MX text only if CO is a target.
    expect((await resolve('sms_reminder_v1', 'sms', 'es-MX', 'MX')).id).toBe(v1.template.id);
    expect((await resolve('tpl_default_reminder_sms_es-MX', 'sms', 'es-MX', 'MX')).id).toBe(v1.template.id);
    expect((await resolve(v1.template.id, 'sms', 'es-MX', 'MX')).id).toBe(v1.template.id);
    expect((await resolve('sms_reminder_v1', 'sms', 'es-CO', 'CO')).id).toBe(
      'tpl_default_reminder_sms_es-MX',
    );
    // Not checked for US content: a US debtor gets the built-in en-US template.
    expect((await resolve('sms_reminder_v1', 'sms', 'en-US', 'US')).id).toBe(
      'tpl_default_reminder_sms_en-US',
    );
    // Other purposes are untouched.
    expect((await resolve('tpl_default_follow_up_sms_es-MX', 'sms', 'es-MX', 'MX')).id).toBe(
      'tpl_default_follow_up_sms_es-MX',
    );

    clock.advance(60_000);
    const v2 = await templates.createDraft(
      orgId,
      {
        key: 'sms_reminder_v1',
        channel: 'sms',
        locale: 'es-MX',
        body: `V2 ${MX_SMS}`,
        countries: ['MX', 'CO'],
      },
      'test',
    );
    expect(v2.template.version).toBe(2);
    await templates.publish(orgId, v2.template.id);
    expect((await templates.get(orgId, v1.template.id)).template.status).toBe('superseded');
    expect((await resolve('sms_reminder_v1', 'sms', 'es-CO', 'CO')).id).toBe(v2.template.id);
    expect(
      (await templates.list(orgId, { key: 'sms_reminder_v1' })).map((t) => [t.version, t.status]),
    ).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
  });

  it('needs a purpose for a custom key, rejects unknown templates and wrong channels', async () => {
    await expect(
      templates.createDraft(orgId, { key: 'my_nudge', channel: 'sms', locale: 'es-MX', body: MX_SMS }, null),
    ).rejects.toMatchObject({ kind: 'validation', issues: [expect.objectContaining({ path: 'purpose' })] });
    await expect(
      templates.createDraft(
        orgId,
        { key: 'my_nudge', channel: 'sms', locale: 'es', body: MX_SMS, purpose: 'follow_up' },
        null,
      ),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'countries' })] });
    await expect(resolve('nope_v9', 'sms', 'es-MX', 'MX')).rejects.toMatchObject({ kind: 'validation' });
    await expect(
      resolve('tpl_default_voicemail_voicemail_en-US', 'email', 'en-US', 'US'),
    ).rejects.toMatchObject({ kind: 'validation' });
    // A scripted call template serves both call and voicebot.
    expect((await resolve('voicebot_arrears_v1', 'call', 'es-MX', 'MX')).id).toBe(
      'tpl_default_reminder_call_voicebot_es-MX',
    );
  });

  it("a Spanish-speaking US debtor gets es-US; never a template lacking the country's content when another has it", async () => {
    expect((await resolve('sms_reminder_v1', 'sms', 'es-US', 'US')).id).toBe(
      'tpl_default_reminder_sms_es-US',
    );
    expect((await resolve('voicebot_arrears_v1', 'call', 'es-US', 'US')).id).toBe(
      'tpl_default_reminder_call_voicebot_es-US',
    );
    // Without a Spanish set that carries the US disclosure, English does rather than es-MX…
    const noEsUs = createTemplates({
      store: createSqlTemplateStore(db),
      clock,
      builtIns: defaultTemplates.filter((t) => t.locale !== 'es-US'),
    });
    const q = { orgId, templateId: 'reminder_email_v1', channel: 'email', locale: 'es-US' } as const;
    expect((await noEsUs.catalog.resolve({ ...q, country: 'US' })).id).toBe(
      'tpl_default_reminder_email_en-US',
    );
    // …while with no country named, the locale order alone decides.
    const { templateId: key, ...rest } = q;
    expect((await noEsUs.effective(orgId, { key, ...rest })).template.id).toBe(
      'tpl_default_reminder_email_es-MX',
    );
  });

  it('a published org template no longer carrying what its country requires gives way to the built-in', async () => {
    const org = (await newTenant(platform)).orgId;
    const sql = createSqlTemplateStore(db);
    const draft = await templates.createDraft(
      org,
      { key: 'sms_reminder_v1', channel: 'sms', locale: 'es-MX', body: MX_SMS },
      'test',
    );
    const published = await templates.publish(org, draft.template.id);
    // As if the US rules had been added after it was published for MX and US.
    const stale = { ...published.template, countries: ['MX', 'US'] };
    const here = createTemplates({ store: { ...sql, published: async () => [stale] }, clock });
    const res = (locale: string, country: string) =>
      here.catalog.resolve({ orgId: org, templateId: 'sms_reminder_v1', channel: 'sms', locale, country });
    expect((await res('es-MX', 'MX')).id).toBe(draft.template.id);
    expect((await res('es-US', 'US')).id).toBe('tpl_default_reminder_sms_es-US');
  });

  it('the send-path catalog reuses the published set for 5 s of clock time; a publish here is seen at once, one elsewhere after 5 s', async () => {
    const org = (await newTenant(platform)).orgId;
    const c = new ManualClock(T0);
    const sql = createSqlTemplateStore(db);
    let reads = 0;
    let failNext = false;
    const store: TemplateStore = {
      ...sql,
      published: (o) => {
        if (o !== org) return sql.published(o);
        reads += 1;
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('database unavailable'));
        }
        return sql.published(o);
      },
    };
    const here = createTemplates({ store, clock: c });
    const elsewhere = createTemplates({ store: sql, clock: c }); // another process over the same database
    const res = (t: Templates = here) =>
      t.catalog.resolve({
        orgId: org,
        templateId: 'sms_reminder_v1',
        channel: 'sms',
        locale: 'es-MX',
        country: 'MX',
      });

    expect((await res()).id).toBe('tpl_default_reminder_sms_es-MX');
    await Promise.all([res(), res(), res()]);
    expect(reads).toBe(1);
    c.advance(4_999);
    await res();
    expect(reads).toBe(1);
    c.advance(1);
    await res();
    expect(reads).toBe(2); // 5 s old: read again
    // Another organisation has its own entry; the admin path (effective) never uses the cache.
    await here.catalog.resolve({
      orgId,
      templateId: 'sms_reminder_v1',
      channel: 'sms',
      locale: 'es-MX',
      country: 'MX',
    });
    await here.effective(org, { key: 'sms_reminder_v1', channel: 'sms', locale: 'es-MX', country: 'MX' });
    expect(reads).toBe(3);
    await res();
    expect(reads).toBe(3);

    // A publish in this process is seen at once.
    const v1 = await here.createDraft(
      org,
      { key: 'sms_reminder_v1', channel: 'sms', locale: 'es-MX', body: MX_SMS },
      'test',
    );
    await here.publish(org, v1.template.id);
    expect((await res()).id).toBe(v1.template.id);

    // One by another instance: this one keeps v1 until its entry is 5 s old, then sees v2.
    c.advance(1_000);
    const v2 = await elsewhere.createDraft(
      org,
      { key: 'sms_reminder_v1', channel: 'sms', locale: 'es-MX', body: `V2 ${MX_SMS}` },
      'test',
    );
    await elsewhere.publish(org, v2.template.id);
    expect((await res(elsewhere)).id).toBe(v2.template.id);
    expect((await res()).id).toBe(v1.template.id);
    c.advance(3_999);
    expect((await res()).id).toBe(v1.template.id);
    c.advance(1);
    expect((await res()).id).toBe(v2.template.id);

    // A failed read is not cached; a clock set back does not keep an entry from the "future".
    c.advance(10_000);
    failNext = true;
    const before = reads;
    await expect(res()).rejects.toThrow('database unavailable');
    expect((await res()).id).toBe(v2.template.id);
    expect(reads).toBe(before + 2);
    c.set(T0);
    await res();
    expect(reads).toBe(before + 3);
  });
});
