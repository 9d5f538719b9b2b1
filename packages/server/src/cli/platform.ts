// CLI commands reach the platform through here (the composition root), never adapters directly.
export { buildPlatform, type Platform } from '../compose.js';
export { startSaldo, version } from '../main.js';
export { loadConfig, type Config } from '../config.js';
