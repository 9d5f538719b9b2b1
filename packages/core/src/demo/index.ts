/**
 * `@saldo/core/demo`: a synthetic demo portfolio (MX, ES, CO, US) in the import-row format, for
 * `saldo demo`, screenshots, load tests and trying strategies without real people's data.
 *
 * @example
 * import { generatePortfolio } from '@saldo/core/demo';
 * const rows = generatePortfolio({ debtors: 500, seed: 42, asOf: '2025-06-30', countries: ['MX', 'US'] });
 */
export {
  DemoPortfolioOptions,
  defaultCountryMix,
  generatePortfolio,
  generatePortfolioDebtors,
  maxDemoDebtors,
  type DemoDebtor,
} from './generate-portfolio.js';
export {
  countryBooks,
  demoDaysPastDue,
  demoProducts,
  demoStatuses,
  formatMinor,
  type DemoAccountAmounts,
  type DemoProduct,
  type DemoStatus,
} from './accounts.js';
export { demoEmailDomains, demoPhone, type DemoContact, type DemoPhone } from './contact.js';
export { demoCountries, pickName, type DemoCountry, type DemoName, type NameBook } from './names.js';
export { demoRegions, type DemoPlace, type DemoRegion } from './regions.js';
export { createRng, sfc32, type Rng } from './prng.js';
export { formatCivilDate, parseCivilDate } from '../calendar/civil.js';
