/**
 * SMS segment counting (3GPP TS 23.038). A message that fits the GSM 03.38 7-bit alphabet travels
 * as GSM-7: 160 septets in one segment, 153 per segment when concatenated (a 7-septet UDH).
 * Extension-table characters (€ [ ] { } | ^ ~ \ and form feed) take two septets and must not be
 * split across segments. Anything else forces UCS-2: 70 UTF-16 code units alone, 67 when split
 * (surrogate pairs are kept together).
 *
 * @example
 * smsSegments('Hola Ana').segments // 1 (gsm7)
 * smsSegments('¿Pagarás mañana? 🙂').encoding // 'ucs2'
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';
export interface SmsSegmentInfo {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (gsm7) or UTF-16 code units (ucs2) used. */
  units: number;
  /** Units per segment for this message (160/153 or 70/67). */
  perSegment: number;
  /** Characters that forced UCS-2, so an editor can point at them. */
  nonGsmCharacters: string[];
}

export function smsSegments(text: string): SmsSegmentInfo {
  const chars = [...text];
  const nonGsm = chars.filter((c) => !basic.has(c) && !extension.has(c));
  if (nonGsm.length === 0) {
    const sizes = chars.map((c) => (extension.has(c) ? 2 : 1));
    const units = sizes.reduce((a, b) => a + b, 0);
    if (units <= 160)
      return {
        encoding: 'gsm7',
        segments: units === 0 ? 0 : 1,
        units,
        perSegment: 160,
        nonGsmCharacters: [],
      };
    return { encoding: 'gsm7', segments: pack(sizes, 153), units, perSegment: 153, nonGsmCharacters: [] };
  }
  const sizes = chars.map((c) => c.length); // code points outside the BMP take two UTF-16 units
  const units = sizes.reduce((a, b) => a + b, 0);
  const distinct = [...new Set(nonGsm)];
  if (units <= 70)
    return { encoding: 'ucs2', segments: 1, units, perSegment: 70, nonGsmCharacters: distinct };
  return { encoding: 'ucs2', segments: pack(sizes, 67), units, perSegment: 67, nonGsmCharacters: distinct };
}

/** Greedy packing that never splits a multi-unit character across segments. */
function pack(sizes: readonly number[], capacity: number): number {
  let segments = 1;
  let used = 0;
  for (const s of sizes) {
    if (used + s > capacity) {
      segments += 1;
      used = 0;
    }
    used += s;
  }
  return segments;
}
