// The server's import boundaries, as one ESLint rule (`saldo/boundaries`):
//   - modules talk to each other only through `modules/<other>/index.ts`;
//   - inside a module: routes → usecases | ports; usecases → ports; adapters → ports; ports → ports;
//     every layer may use the module's root-level definitions (its events, config, pure helpers);
//     the factories (create-*.ts, start-*.ts), index.ts and testing/ may use anything of the module;
//   - shared/ (db, clock, crypto, http, jobs, llm) depends on no module;
//   - platform/ (config, composition root, roles) reaches modules through their index only;
//   - cli/, bench/ and simulation/ are entry points: platform, shared and module indexes.
import { dirname, relative, resolve, sep } from 'node:path';

const SERVER_SRC = resolve(import.meta.dirname, '../packages/server/src');
const ENTRY_POINTS = new Set(['cli', 'bench', 'simulation']);

/** Where a file sits: its area (module name, shared, platform, an entry point) and its layer inside a module. */
export function placeOf(file) {
  const rel = relative(SERVER_SRC, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  if (parts[0] !== 'modules') return { area: parts[0], module: null, layer: null, rel };
  const first = parts[2] ?? '';
  const layer = first.replace(/\.ts$/, '');
  const composition = parts.length === 3 && (first === 'index.ts' || /^(create|start)-/.test(first));
  return {
    area: 'modules',
    module: parts[1],
    layer: ['routes', 'usecases', 'ports', 'adapters', 'testing'].includes(layer)
      ? layer
      : composition
        ? 'composition'
        : 'definitions',
    isIndex: parts.length === 3 && first === 'index.ts',
    rel,
  };
}

const allowedLayers = {
  routes: ['routes', 'usecases', 'ports'],
  usecases: ['usecases', 'ports'],
  ports: ['ports'],
  adapters: ['adapters', 'ports'],
  definitions: ['ports', 'definitions'],
};

/** Why importing `to` from `from` breaks a boundary, or null. */
export function violation(from, to) {
  if (!to) return null;
  if (from.area === 'modules') {
    if (to.area === 'modules' && to.module !== from.module)
      return to.isIndex ? null : `import module "${to.module}" through modules/${to.module}/index.ts`;
    if (to.area === 'modules') {
      const ok = allowedLayers[from.layer];
      if (!ok || ok.includes(to.layer) || to.layer === 'definitions') return null;
      return `${from.layer} may not import ${to.layer} (allowed: ${ok.join(', ')})`;
    }
    if (to.area === 'shared') return null;
    return `a module may not import ${to.area}/ (modules are wired by platform/composition-root.ts)`;
  }
  if (from.area === 'shared')
    return to.area === 'shared'
      ? null
      : `shared/ depends on no module, platform or entry point (got ${to.rel})`;
  if (to.area === 'modules' && !to.isIndex)
    return `import module "${to.module}" through modules/${to.module}/index.ts`;
  if (from.area === 'platform' && ENTRY_POINTS.has(to.area))
    return `platform/ may not import the ${to.area}/ entry point`;
  return null;
}

const rule = {
  meta: { type: 'problem', schema: [], messages: { boundary: '{{why}}' } },
  create(context) {
    const file = context.filename;
    if (/\.test\.ts$/.test(file) || file.includes(`${sep}testing${sep}`)) return {};
    const from = placeOf(file);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source).replace(/\.js$/, '.ts');
      const why = violation(from, placeOf(target));
      if (why) context.report({ node, messageId: 'boundary', data: { why } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      TSImportType: (n) => check(n, n.argument?.literal?.value ?? n.argument?.value),
    };
  },
};

export default { rules: { boundaries: rule } };
