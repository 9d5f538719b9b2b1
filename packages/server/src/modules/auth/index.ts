export { createAuthModule, type AuthModule } from './create-auth-module.js';
export type { Auth } from './usecases/auth.js';
export type { Organizations } from './usecases/organizations.js';
export type { ApiKeyInfo, Organization, User } from './ports.js';
