import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain ES module of the lint configuration, without types.
import { placeOf, violation } from '../../../eslint/boundaries.js';

const src = resolve(import.meta.dirname, '../src');
const at = (rel: string) => placeOf(resolve(src, rel));

describe('server import boundaries (eslint/boundaries.js)', () => {
  it('a module reaches another module only through its index', () => {
    const from = at('modules/strategy/usecases/dispatcher.ts');
    expect(violation(from, at('modules/channels/index.ts'))).toBeNull();
    expect(violation(from, at('modules/channels/ports/messaging.ts'))).toMatch(
      /through modules\/channels\/index.ts/,
    );
  });

  it('inside a module: routes and use cases never reach adapters; adapters never reach use cases', () => {
    expect(
      violation(at('modules/record/routes/record-routes.ts'), at('modules/record/usecases/record.ts')),
    ).toBeNull();
    expect(
      violation(
        at('modules/record/routes/record-routes.ts'),
        at('modules/record/adapters/sql-account-store.ts'),
      ),
    ).toMatch(/routes may not import adapters/);
    expect(
      violation(at('modules/record/usecases/record.ts'), at('modules/record/adapters/sql-account-store.ts')),
    ).toMatch(/usecases may not import adapters/);
    expect(
      violation(at('modules/record/adapters/sql-account-store.ts'), at('modules/record/usecases/record.ts')),
    ).toMatch(/adapters may not import usecases/);
    expect(
      violation(
        at('modules/record/create-record-module.ts'),
        at('modules/record/adapters/sql-account-store.ts'),
      ),
    ).toBeNull();
  });

  it("every layer may use the module's root-level definitions, none may use its factory", () => {
    const adapter = at('modules/record/adapters/sql-payment-store.ts');
    expect(violation(adapter, at('modules/record/record-events.ts'))).toBeNull();
    expect(violation(adapter, at('modules/record/create-record-module.ts'))).toMatch(
      /may not import composition/,
    );
  });

  it('shared depends on nothing above it; modules never import the platform; the platform uses indexes', () => {
    expect(violation(at('shared/db/migrate.ts'), at('modules/record/index.ts'))).toMatch(
      /shared\/ depends on no module/,
    );
    expect(violation(at('modules/record/usecases/record.ts'), at('platform/config.ts'))).toMatch(
      /may not import platform/,
    );
    expect(violation(at('platform/composition-root.ts'), at('modules/auth/usecases/auth.ts'))).toMatch(
      /index.ts/,
    );
    expect(violation(at('platform/composition-root.ts'), at('modules/auth/index.ts'))).toBeNull();
    expect(violation(at('cli/commands/start.ts'), at('platform/composition-root.ts'))).toBeNull();
  });
});
