// Route modules of other areas (compliance, NLU, webhooks), wired with their use cases.
// Kept apart from main.ts so each area adds one line here.
import type { RoutePlugin } from './api/app.js';
import type { Platform } from './compose.js';

export function extraRoutes(_p: Platform): RoutePlugin[] {
  return [];
}
