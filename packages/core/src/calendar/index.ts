// @saldo/core/calendar — calendar dates as day numbers, time zones, ISO instants and durations.
// The one calendar of core (ADR 0006). Only re-exports live here.
export * from './civil.js';
export * from './zone.js';
export * from './instant.js';
export * from './duration.js';
