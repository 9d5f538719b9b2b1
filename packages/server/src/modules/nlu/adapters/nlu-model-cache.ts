import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NluModelJson } from '@saldo/core/nlu';
import { nluTrainingSourceDirs } from '@saldo/models/nlu-corpus';

/**
 * On-disk cache of the model trained from the corpus: training takes ≈ 1.6–2.5 s, reading the JSON a
 * fraction of that, and the 2 s load target counts from process start. The key hashes everything
 * the trained weights depend on: the train files, the organisation examples and the NLU source
 * code itself (core's runtime, the trainer in @saldo/models, and the core modules they import), so a
 * corpus or code change can never serve a stale model (no version to bump).
 */

/** `<repo>/node_modules/.cache/saldo`, the conventional place for tool caches (ignored by git). */
export const defaultCacheDir = fileURLToPath(
  new URL('../../../../../../node_modules/.cache/saldo/', import.meta.url),
);

/** Cached models kept (newest first): one per corpus/code/organisation combination recently used. */
const keep = 4;

/** Bumped only if the cache file format itself changes. */
const cacheFormat = 'saldo-nlu-cache/1';

/**
 * Where to cache, from the two settings (read by the platform config): `SALDO_NLU_CACHE=off`
 * disables the cache (`null`), `SALDO_NLU_CACHE_DIR` moves it.
 */
export function nluCacheDir(settings: {
  SALDO_NLU_CACHE?: string | undefined;
  SALDO_NLU_CACHE_DIR?: string | undefined;
}): string | null {
  if (/^(off|0|false|no)$/i.test(settings.SALDO_NLU_CACHE ?? '')) return null;
  return settings.SALDO_NLU_CACHE_DIR || defaultCacheDir;
}

/**
 * The cache key, or `undefined` when the NLU sources cannot be read (a bundled install): without
 * them a code change could not be detected, so the model is trained every time instead.
 */
export async function modelCacheKey(
  corpusFiles: ReadonlyArray<{ name: string; text: string }>,
  extra: unknown,
  sourceDirs: readonly string[] = nluTrainingSourceDirs,
): Promise<string | undefined> {
  const sources = await listSources(sourceDirs);
  if (sources === undefined) return undefined;
  const h = createHash('sha256').update(cacheFormat);
  // Lengths before contents: no two different inputs can produce the same byte stream.
  const part = (label: string, text: string) =>
    h.update(`\0${label}\0${Buffer.byteLength(text)}\0`).update(text);
  // Labelled by folder position and file name, never by absolute path: two clones share a key.
  const texts: SourceFile[] = [];
  for (const s of sources) {
    const text = await readFile(join(s.path, s.name), 'utf8');
    part(`src:${s.dir}:${s.name}`, text);
    texts.push({ path: resolve(s.path, s.name), text });
  }
  for (const f of await importedFrom(texts)) part(`dep:${relative(sourceDirs[0]!, f.path)}`, f.text);
  for (const f of corpusFiles) part(`corpus:${f.name}`, f.text);
  part('extra', JSON.stringify(extra ?? []));
  return h.digest('hex');
}

/** Non-test sources of each folder, in folder then file-name order; `undefined` if any is unreadable or empty. */
async function listSources(
  dirs: readonly string[],
): Promise<Array<{ dir: number; path: string; name: string }> | undefined> {
  if (dirs.length === 0) return undefined;
  const out: Array<{ dir: number; path: string; name: string }> = [];
  for (const [dir, path] of dirs.entries()) {
    let names: string[];
    try {
      names = (await readdir(path))
        .filter((f) => /\.(?:ts|js|mjs)$/.test(f) && !/\.test\.[cm]?[jt]s$/.test(f))
        .sort();
    } catch {
      return undefined;
    }
    if (names.length === 0) return undefined;
    for (const name of names) out.push({ dir, path, name });
  }
  return out;
}

interface SourceFile {
  path: string;
  text: string;
}

const relativeImport = /\bfrom\s+'(\.{1,2}\/[^']+)'/g;

/**
 * The sources outside those folders that they import, transitively (core's opt-out keyword list,
 * channel vocabulary, calendar): a change there can change the model too.
 */
async function importedFrom(files: readonly SourceFile[]): Promise<SourceFile[]> {
  const seen = new Set(files.map((f) => f.path));
  const queue = [...files];
  const out: SourceFile[] = [];
  for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
    for (const m of f.text.matchAll(relativeImport)) {
      const path = resolve(dirname(f.path), m[1]!.replace(/\.js$/, '.ts'));
      if (seen.has(path)) continue;
      seen.add(path);
      // Unreadable: a path quoted in a comment, not an import (a real one would not compile).
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      out.push({ path, text });
      queue.push({ path, text });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export const cacheFile = (dir: string, key: string) => join(dir, `nlu-model-${key}.json`);

/** The cached model JSON, or `undefined` on a miss or an unreadable/corrupt file. */
export async function readCachedModel(dir: string, key: string): Promise<NluModelJson | undefined> {
  try {
    const json = JSON.parse(await readFile(cacheFile(dir, key), 'utf8')) as NluModelJson;
    return json.kind === 'saldo-nlu' ? json : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes atomically (temp file + rename: concurrent processes never read half a file). Errors
 * are swallowed: a read-only install simply trains at every start. Returns whether it was written.
 */
export async function writeCachedModel(dir: string, key: string, json: NluModelJson): Promise<boolean> {
  const target = cacheFile(dir, key);
  const tmp = `${target}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, JSON.stringify(json));
    await rename(tmp, target);
  } catch {
    await unlink(tmp).catch(() => undefined);
    return false;
  }
  await pruneCache(dir).catch(() => undefined);
  return true;
}

/** Every code or corpus change adds a model file (several MB): keep only the newest few. */
async function pruneCache(dir: string): Promise<void> {
  const files = (await readdir(dir)).filter((f) => /^nlu-model-[0-9a-f]{64}\.json$/.test(f));
  if (files.length <= keep) return;
  const dated = await Promise.all(files.map(async (f) => ({ f, t: (await stat(join(dir, f))).mtimeMs })));
  dated.sort((a, b) => b.t - a.t);
  for (const { f } of dated.slice(keep)) await unlink(join(dir, f)).catch(() => undefined);
}
