import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { defaultConsoleDir } from '../src/platform/http/console-routes.js';
import { newTenant, testPlatform } from './fixtures.js';
import { storageModes } from './storage.js';

// The web console served at /console/ (ADR 0014), over a build directory of the test's own (the
// real build is exercised by console-browser.test.ts). Nothing here depends on the storage mode.
const INDEX =
  '<!doctype html><html lang="en"><head><script type="module" src="/console/assets/app-1a2b.js"></script></head><body><div id="root"></div></body></html>';

function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'saldo-console-'));
  writeFileSync(join(root, 'secret.txt'), 'outside the build');
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'console.log("app")');
  return dist;
}

describe('the console at /console/', () => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let app: FastifyInstance;
  let unbuilt: FastifyInstance;
  beforeAll(async () => {
    db = await storageModes[0]!.open();
    p = (await testPlatform(db)).platform;
    app = await buildHttp(p, { consoleDir: fakeBuild() });
    unbuilt = await buildHttp(p, { consoleDir: join(tmpdir(), 'saldo-console-never-built') });
  });
  afterAll(async () => {
    await app.close();
    await unbuilt.close();
    await db.drop();
  });

  it('answers its index at /console/ and at every view path (deep links, reloads)', async () => {
    for (const url of ['/console/', '/console/audit', '/console/audit/detail?fromSeq=3']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const bare = await app.inject('/console');
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/console/');
  });

  it('allows its own scripts and styles only: no inline code, nothing from elsewhere, no framing', async () => {
    const res = await app.inject('/console/audit');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe|\*|https?:/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // The API keeps its deny-all policy.
    expect((await app.inject('/v1/auth/me')).headers['content-security-policy']).toMatch(
      /default-src 'none'/,
    );
  });

  it('serves hashed assets as immutable, even to a signed-in browser', async () => {
    const t = await newTenant(p);
    for (const headers of [{}, { authorization: `Bearer ${t.key}` }]) {
      const res = await app.inject({ url: '/console/assets/app-1a2b.js', headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.body).toBe('console.log("app")');
      expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    }
  });

  it('a missing file is a 404, never the index; nothing outside the build is served', async () => {
    const missing = await app.inject('/console/assets/gone-9z9z.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<div id="root">');
    for (const url of ['/console/../secret.txt', '/console/%2e%2e/secret.txt', '/console/..%2fsecret.txt']) {
      const res = await app.inject(url);
      expect(res.body, url).not.toContain('outside the build');
    }
  });

  it('without a build, says how to make one (503), and the API still works', async () => {
    const res = await unbuilt.inject('/console/audit');
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().detail).toMatch(/npm start.*npm run build -w @saldo\/console/);
    expect((await unbuilt.inject('/health')).statusCode).toBe(200);
  });

  it('the status page links to the console', async () => {
    expect((await app.inject('/')).body).toContain('<a href="/console/">');
  });

  it('the api role serves the console build of this checkout (packages/console/dist)', () => {
    expect(defaultConsoleDir).toBe(fileURLToPath(new URL('../../console/dist/', import.meta.url)));
  });
});
