import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { OrgStore } from '../ports.js';
import type { Role } from '../../../shared/http/route-kit.js';
import type { Auth } from './auth.js';

export const DEFAULT_ORG_SLUG = 'default';

export function createOrganizations(deps: { orgs: OrgStore; auth: Auth; clock: Clock }) {
  const { orgs, auth, clock } = deps;
  return {
    /** The default organization exists on every deployment (first start creates it). */
    async ensureDefault(): Promise<string> {
      const found = await orgs.getBySlug(DEFAULT_ORG_SLUG);
      if (found) return found.id;
      return (
        await orgs.create({
          slug: DEFAULT_ORG_SLUG,
          name: 'Default organization',
          defaultCountry: null,
          now: clock.now(),
        })
      ).id;
    },

    getBySlug: async (slug: string) =>
      (await orgs.getBySlug(slug)) ??
      Promise.reject(new SaldoError('not_found', `organization ${slug} not found`)),

    get: async (id: string) =>
      (await orgs.getById(id)) ?? Promise.reject(new SaldoError('not_found', `organization ${id} not found`)),

    /**
     * A new tenant with its first admin. Only the operator — an admin of the default
     * organization — may create tenants; tenants never see each other.
     */
    async create(
      caller: { orgId: string; role: Role },
      o: {
        slug: string;
        name: string;
        defaultCountry?: string;
        admin: { email: string; name: string; password: string };
      },
    ) {
      const def = await orgs.getBySlug(DEFAULT_ORG_SLUG);
      if (caller.role !== 'admin' || caller.orgId !== def?.id)
        throw new SaldoError(
          'forbidden',
          'only an admin of the default organization can create organizations',
        );
      if (await orgs.getBySlug(o.slug))
        throw new SaldoError('conflict', `organization ${o.slug} already exists`, [
          { path: 'slug', message: 'taken' },
        ]);
      const org = await orgs.create({
        slug: o.slug,
        name: o.name,
        defaultCountry: o.defaultCountry ?? null,
        now: clock.now(),
      });
      const admin = await auth.createUser(org.id, { ...o.admin, role: 'admin' });
      return { organization: org, admin };
    },
  };
}
export type Organizations = ReturnType<typeof createOrganizations>;
