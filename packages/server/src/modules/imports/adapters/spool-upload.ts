import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An uploaded CSV body goes to a private temp file, so the import streams it like any file. */
export async function spoolUpload(body: Buffer): Promise<{ path: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'saldo-upload-'));
  const path = join(dir, 'upload.csv');
  await writeFile(path, body);
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
