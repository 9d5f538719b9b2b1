// CLI commands reach the platform through here (the composition root), never adapters directly.
export { buildCore, buildPlatform, type CorePlatform, type Platform } from '../platform/composition-root.js';
export { startSaldo, version } from '../platform/start-saldo.js';
export { loadConfig, type Config } from '../platform/config.js';
export { inspectSecretKey, rotateSecretKey } from '../platform/rotate-secret-key.js';
