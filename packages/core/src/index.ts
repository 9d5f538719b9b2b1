// @saldo/core public surface. Subpaths (`@saldo/core/compliance`, `@saldo/core/nlu`, …) are
// exported through the package `exports` map; this index re-exports the shared basics.
export * from './errors/index.js';
