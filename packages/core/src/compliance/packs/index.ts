/**
 * Every built-in pack, in stacking order (federal before state and city, law before policy).
 */
import type { PackInput } from '../pack.js';
import { usPack } from './us.js';
import { usMaPack } from './us-ma.js';
import { usNycPack } from './us-nyc.js';
import { mxPack } from './mx.js';
import { coPack } from './co.js';
import { clPack } from './cl.js';
import { pePack } from './pe.js';
import { esPack, esPolicyPack } from './es.js';
import { gbPack } from './gb.js';
import { brPack, brSpPack } from './br.js';
import { globalPack } from './global.js';

export {
  usPack,
  usMaPack,
  usNycPack,
  mxPack,
  coPack,
  clPack,
  pePack,
  esPack,
  esPolicyPack,
  gbPack,
  brPack,
  brSpPack,
  globalPack,
};

/**
 * The built-in packs.
 *
 * @example
 * builtinPacks.map((p) => p.code); // ['US', 'US-MA', 'US-NYC', 'MX', 'CO', 'CL', 'PE', 'ES', 'ES-POLICY', 'GB', 'BR', 'BR-SP', 'GLOBAL']
 */
export const builtinPacks: readonly PackInput[] = [
  usPack,
  usMaPack,
  usNycPack,
  mxPack,
  coPack,
  clPack,
  pePack,
  esPack,
  esPolicyPack,
  gbPack,
  brPack,
  brSpPack,
  globalPack,
];
