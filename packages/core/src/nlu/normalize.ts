/**
 * Text normalisation shared by the rules, the classifier and the entity extractors.
 * Real replies come without accents, with typos, repeated letters ("siiii"), SMS shorthand
 * ("q", "xq", "pls") and emojis, so every layer works on the same folded form.
 */

/** Emojis that carry meaning become word tokens; every other emoji/symbol becomes a space. */
const emojiWords: ReadonlyArray<[RegExp, string]> = [
  [/[\u{1F44D}\u{1F44C}\u{2705}\u{2714}\u{1F197}]/gu, ' emojiok '],
  [/[\u{1F64F}]/gu, ' emojipray '],
  [/[\u{1F595}\u{1F92C}\u{1F621}\u{1F620}\u{1F4A9}]/gu, ' emojiangry '],
  [/[\u{1F622}\u{1F62D}\u{1F61E}\u{1F614}\u{1F625}\u{1F613}\u{1F97A}]/gu, ' emojisad '],
  [/[\u{1F44B}]/gu, ' emojiwave '],
  [/[\u{1F602}\u{1F923}\u{1F606}\u{1F605}]/gu, ' emojilaugh '],
  [/[\u{1F44E}\u{274C}]/gu, ' emojino '],
];

/**
 * Token-level rewrites: SMS shorthand, frequent typos and regional slang mapped to one canonical
 * word, so "lana" (MX), "pasta" (ES), "plata" (CO) and "guita" (AR) all mean money to the model.
 */
const tokenMap: Readonly<Record<string, string>> = {
  q: 'que',
  k: 'que',
  ke: 'que',
  xq: 'porque',
  pq: 'porque',
  porq: 'porque',
  xk: 'porque',
  x: 'por',
  tmb: 'tambien',
  tb: 'tambien',
  d: 'de',
  dnd: 'donde',
  pa: 'para',
  pal: 'para',
  nd: 'nada',
  tons: 'entonces',
  bn: 'bien',
  msj: 'mensaje',
  msjs: 'mensajes',
  mjs: 'mensajes',
  cel: 'celular',
  tel: 'telefono',
  nro: 'numero',
  num: 'numero',
  porfa: 'por favor',
  porfis: 'por favor',
  xfa: 'por favor',
  xfavor: 'por favor',
  pfv: 'por favor',
  ahorita: 'ahora',
  orita: 'ahora',
  horita: 'ahora',
  aorita: 'ahora',
  aora: 'ahora',
  lana: 'dinero',
  pasta: 'dinero',
  plata: 'dinero',
  guita: 'dinero',
  varo: 'dinero',
  feria: 'dinero',
  billete: 'dinero',
  mosca: 'dinero',
  laburo: 'trabajo',
  chamba: 'trabajo',
  curro: 'trabajo',
  camello: 'trabajo',
  jale: 'trabajo',
  pega: 'trabajo',
  wsp: 'whatsapp',
  wpp: 'whatsapp',
  wasap: 'whatsapp',
  guasap: 'whatsapp',
  whats: 'whatsapp',
  wats: 'whatsapp',
  watsap: 'whatsapp',
  whatsap: 'whatsapp',
  wapp: 'whatsapp',
  wa: 'whatsapp',
  mail: 'email',
  correo: 'email',
  'e-mail': 'email',
  emails: 'email',
  pls: 'please',
  plz: 'please',
  plis: 'please',
  pliz: 'please',
  u: 'you',
  ur: 'your',
  r: 'are',
  thx: 'thanks',
  thnx: 'thanks',
  ty: 'thanks',
  tks: 'thanks',
  im: "i'm",
  dont: "don't",
  cant: "can't",
  wont: "won't",
  didnt: "didn't",
  doesnt: "doesn't",
  isnt: "isn't",
  ola: 'hola',
  grax: 'gracias',
  grasias: 'gracias',
  graciass: 'gracias',
  tmr: 'tomorrow',
  tmrw: 'tomorrow',
  tmw: 'tomorrow',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  wk: 'week',
  paque: 'pague',
  pagu: 'pague',
  uds: 'ustedes',
  ud: 'usted',
  dlls: 'dolares',
  dls: 'dolares',
  usd: 'dolares',
  bucks: 'dollars',
  pavos: 'euros',
  lucas: 'mil',
  luquitas: 'mil',
};

/** Removes diacritics (keeps ñ → n) so "mañana", "manana" and "MAÑANA" are one token. */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Lower-case, accent-folded, emoji-mapped text with runs of 3+ identical letters collapsed
 * ("siiiii" → "si"). Keeps digits, `$`, `€`, `%`, `.`, `,`, `:` and `/` for the extractors.
 *
 * @example
 * foldText('¡¡SIIII, MAÑANA pago 👍!!') // → 'si, manana pago emojiok'
 */
export function foldText(text: string): string {
  // Every layer folds the same reply: remember the last few (a pure cache, same input → same output).
  const hit = foldCache.get(text);
  if (hit !== undefined) return hit;
  const folded = foldUncached(text);
  if (foldCache.size >= 16) foldCache.delete(foldCache.keys().next().value as string);
  foldCache.set(text, folded);
  return folded;
}

const foldCache = new Map<string, string>();

function foldUncached(text: string): string {
  let s = text;
  for (const [re, word] of emojiWords) s = s.replace(re, word);
  // Smart quotes from phone keyboards ("don’t", "I’m") are plain apostrophes for every rule and cue.
  s = foldAccents(s.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'"));
  // Emojis, pictographs and other symbols become spaces (keep currency and separators).
  s = s.replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}]/gu, ' ');
  s = s.replace(/[¡¿!?"“”«»()[\]{}*_~^|<>#=+;]/g, ' ');
  s = s.replace(/([a-z])\1{2,}/g, '$1');
  return s.replace(/\s+/g, ' ').trim();
}

/** Splits folded text into word tokens (letters, digits, apostrophes), dropping punctuation. */
export function tokenize(folded: string): string[] {
  return folded.match(/[a-z0-9ñ]+(?:'[a-z]+)?|[$€%]/g) ?? [];
}

/**
 * Tokens for the classifier: folded, shorthand/slang canonicalised, numbers as `<num>`.
 *
 * @example
 * canonicalTokens('Ya pagué la lana x transferencia') // → ['ya', 'pague', 'la', 'dinero', 'por', 'transferencia']
 */
export function canonicalTokens(text: string): string[] {
  const out: string[] = [];
  const tokens = tokenize(foldText(text));
  tokens.forEach((t, i) => {
    if (/^\d/.test(t)) {
      out.push('<num>');
      return;
    }
    // "whats the balance", "whats up" are "what's", not WhatsApp.
    const mapped =
      (t === 'whats' || t === 'wats') && whatsIsWhat.has(tokens[i + 1] ?? '') ? "what's" : (tokenMap[t] ?? t);
    for (const part of mapped.split(' ')) out.push(part);
  });
  return out;
}

const whatsIsWhat = new Set(
  'the up that this your ur my going goin good new a it wrong happening next left due owed he she they you u poppin in on with for so is was'.split(
    ' ',
  ),
);
