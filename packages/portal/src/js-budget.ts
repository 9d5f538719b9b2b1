/** The portal's JavaScript budget: debtors on old phones and slow networks must get a usable page. */
export const portalJsBudgetBytes = 100 * 1024;

export interface BuiltFile {
  fileName: string;
  bytes: number;
}

/**
 * The JS files of a build and whether together they fit the budget (bytes as written, before
 * compression: the strictest reading of "100 KB").
 *
 * @example
 * checkJsBudget([{ fileName: 'enhance.js', bytes: 120 }]) // → { ok: true, totalBytes: 120, … }
 */
export function checkJsBudget(
  files: readonly BuiltFile[],
  budgetBytes = portalJsBudgetBytes,
): { ok: boolean; totalBytes: number; budgetBytes: number; message: string } {
  const js = files.filter((f) => /\.m?js$/.test(f.fileName));
  const totalBytes = js.reduce((sum, f) => sum + f.bytes, 0);
  const ok = totalBytes <= budgetBytes;
  const list = js.map((f) => `${f.fileName} ${f.bytes} B`).join(', ');
  const message = `portal JS ${totalBytes} B of ${budgetBytes} B${ok ? '' : ' — over budget'} (${list || 'none'})`;
  return { ok, totalBytes, budgetBytes, message };
}
