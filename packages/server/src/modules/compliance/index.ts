export { createComplianceModule, type ComplianceModule } from './create-compliance-module.js';
export { createComplianceChecker, type ComplianceChecker } from './usecases/check-compliance.js';
export type { CompliancePolicies } from './usecases/compliance-policy.js';
