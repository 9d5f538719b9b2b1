/**
 * Softmax over `z`, in place (max-shifted, so large scores do not overflow). One function for the
 * classifier's inference and for its trainer (`@saldo/models`): both must compute the same numbers.
 *
 * @example
 * const z = Float64Array.of(0, 0); softmaxInPlace(z); z // → [0.5, 0.5]
 */
export function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp((z[i] as number) - max);
    sum += z[i] as number;
  }
  for (let i = 0; i < z.length; i++) z[i] = (z[i] as number) / sum;
}
