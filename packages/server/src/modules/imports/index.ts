export { createImportsModule, type ImportsModule } from './create-imports-module.js';
export type { Imports } from './usecases/imports.js';
export {
  loadDemoPortfolio,
  demoPlacements,
  type DemoLoadResult,
  type DemoPersonaSink,
} from './usecases/load-demo-portfolio.js';
export { openCsvImportSource } from './adapters/csv-import-source.js';
export { csvCell } from './adapters/csv-cell.js';
