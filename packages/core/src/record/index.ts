export * from './account-status.js';
export * from './delinquency.js';
export * from './import-columns.js';
export * from './national-id.js';
export * from './validate-import-row.js';
export * from './zones.js';
export * from './apply-payment.js';
export * from './promise.js';
