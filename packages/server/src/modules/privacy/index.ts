export { createPrivacyModule, type PrivacyModule } from './create-privacy-module.js';
export type { Privacy } from './usecases/privacy.js';
export type * from './ports.js';
export type { DebtorErasedEvent } from './privacy-events.js';
