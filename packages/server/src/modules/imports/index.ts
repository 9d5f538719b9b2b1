export { createImportsModule, type ImportsModule } from './create-imports-module.js';
export type { Imports } from './usecases/imports.js';
export {
  loadDemoPortfolio,
  demoPlacements,
  type DemoLoadResult,
  type DemoPersonaSink,
} from './usecases/load-demo-portfolio.js';
export {
  createDemoPersonas,
  demoPersonaOf,
  type DemoPersona,
  type DemoPersonas,
} from './usecases/demo-personas.js';
export type { DemoLoadStore } from './ports.js';
export { openCsvImportSource } from './adapters/csv-import-source.js';
export { csvCell } from './adapters/csv-cell.js';
