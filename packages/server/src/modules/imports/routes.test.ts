import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/composition-root.js';
import type { Db } from '../../shared/db/db.js';
import { buildHttp } from '../../platform/start-saldo.js';
import { newTenant, testPlatform } from '../../../test/fixtures.js';
import { storageModes } from '../../../test/storage.js';

// Found by the HTTP fuzz drill: a body of another media type (text/plain is parsed by Fastify without
// a schema) reached the handler unvalidated and failed with 500. The boundary answers 415.
describe('POST /v1/imports media types', () => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await storageModes[0]!.open();
    p = (await testPlatform(db)).platform;
    app = await buildHttp(p);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it.each([
    ['text/plain', '{}'],
    ['text/plain', 'external_ref,debtor_ref\nA,B'],
  ])('a %s body is refused with 415 and starts no import', async (contentType, payload) => {
    const t = await newTenant(p);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/imports?portfolio=pf1',
      headers: { authorization: `Bearer ${t.key}`, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode, res.body).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toMatch(/application\/json.*text\/csv/);
    const started = await db.query('SELECT 1 FROM imports WHERE org_id = $1', [t.orgId]);
    expect(started.rows).toHaveLength(0);
  });

  it('JSON with a charset parameter is still JSON', async () => {
    const t = await newTenant(p);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/imports',
      headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ portfolio: { code: 'pf1', currency: 'MXN', country: 'MX' }, rows: [] }),
    });
    expect(res.statusCode, res.body).toBe(202);
  });
});
