// CLI commands reach the platform through here (the composition root), never adapters directly.
export { buildCore, buildPlatform, type CorePlatform, type Platform } from '../compose.js';
export { startSaldo, version } from '../main.js';
export { loadConfig, type Config } from '../config.js';
