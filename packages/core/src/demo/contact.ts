import type { PreferenceChannel } from '../channels/channel.js';
import { asciiSlug, type DemoCountry, type DemoName } from './names.js';
import type { Rng } from './prng.js';
import type { DemoPlace } from './regions.js';

/** A phone number in E.164 with the line type the creditor recorded. */
export interface DemoPhone {
  e164: string;
  type: 'mobile' | 'landline';
}

/** true | false | '' (unknown): the import format's tri-state consent. */
export type DemoConsent = 'true' | 'false' | '';

export interface DemoContact {
  phone: DemoPhone;
  email: string;
  whatsapp: string;
  consentCall: DemoConsent;
  consentSms: DemoConsent;
  consentWhatsapp: DemoConsent;
  consentEmail: DemoConsent;
  preferredChannel: '' | PreferenceChannel;
}

/** Only reserved example domains (RFC 2606): the demo may really send mail. */
export const demoEmailDomains = ['example.com', 'example.org', 'example.net'] as const;

// Colombian mobile operator prefixes (Claro 310-314, 320-323; Movistar 315-318; Tigo 300-305, 350-351).
const coMobilePrefixes = [
  '300',
  '301',
  '302',
  '304',
  '305',
  '310',
  '311',
  '312',
  '313',
  '314',
  '315',
  '316',
  '317',
  '318',
  '319',
  '320',
  '321',
  '322',
  '323',
  '350',
  '351',
];
// Spanish mobiles: 6xx, and the 71-74 ranges opened in 2011.
const esMobilePrefixes = ['6', '6', '6', '6', '6', '6', '6', '6', '71', '72', '73', '74'];

/** Subscriber digits whose first digit is 2-9 (0 and 1 are never valid after an area code). */
function subscriber(rng: Rng, length: number): string {
  return String(rng.int(2, 9)) + rng.digits(length - 1);
}

/** NANP exchange code: NXX, not N11 (service codes) and not 555 (directory/fictional). */
function nanpExchange(rng: Rng): string {
  for (;;) {
    const x = subscriber(rng, 3);
    if (x.slice(1) !== '11' && x !== '555') return x;
  }
}

/**
 * A phone valid for libphonenumber-js whose area code matches the debtor's place.
 *
 * @example
 * demoPhone('CO', place, createRng(3)); // e.g. { e164: '+573104417265', type: 'mobile' }
 */
export function demoPhone(country: DemoCountry, place: DemoPlace, rng: Rng): DemoPhone {
  const area = rng.pick(place.areaCodes);
  switch (country) {
    case 'MX': // 10-digit national numbers since 2019: no "044"/"1" mobile prefix, same ranges for both types.
      return {
        e164: `+52${area}${subscriber(rng, 10 - area.length)}`,
        type: rng.chance(0.88) ? 'mobile' : 'landline',
      };
    case 'US':
      return {
        e164: `+1${area}${nanpExchange(rng)}${rng.digits(4)}`,
        type: rng.chance(0.85) ? 'mobile' : 'landline',
      };
    case 'ES': {
      if (rng.chance(0.15))
        return { e164: `+34${area}${subscriber(rng, 9 - area.length)}`, type: 'landline' };
      const prefix = rng.pick(esMobilePrefixes);
      return { e164: `+34${prefix}${rng.digits(9 - prefix.length)}`, type: 'mobile' };
    }
    case 'CO':
      if (rng.chance(0.1)) return { e164: `+57${area}${subscriber(rng, 7)}`, type: 'landline' };
      return { e164: `+57${rng.pick(coMobilePrefixes)}${rng.digits(7)}`, type: 'mobile' };
  }
}

function demoEmail(name: DemoName, birthYear: number, rng: Rng): string {
  const first = asciiSlug(name.firstName.split(' ')[0] ?? name.firstName) || 'user';
  const last = asciiSlug(name.lastName.split(' ')[0] ?? name.lastName) || 'demo';
  const n = String(rng.int(1, 999));
  const local = rng.pick([
    `${first}.${last}`,
    `${first}.${last}${n}`,
    `${first}${last}${String(birthYear).slice(2)}`,
    `${first[0]}${last}${n}`,
    `${last}.${first}`,
    `${first}_${last}${birthYear}`,
  ]);
  return `${local}@${rng.pick(demoEmailDomains)}`;
}

function consent(rng: Rng, pTrue: number, pFalse: number): DemoConsent {
  const u = rng.next();
  return u < pTrue ? 'true' : u < pTrue + pFalse ? 'false' : '';
}

/**
 * Phone, e-mail, WhatsApp and consents for one debtor. US consents follow what a TCPA-conscious
 * creditor actually holds (prior express consent for ~60 % of calls, ~50 % of texts); elsewhere
 * consent is mostly recorded as given. Some consents are blank (unknown), as in real files.
 */
export function demoContact(
  country: DemoCountry,
  place: DemoPlace,
  name: DemoName,
  birthYear: number,
  rng: Rng,
): DemoContact {
  const phone = demoPhone(country, place, rng);
  const email = rng.chance(0.8) ? demoEmail(name, birthYear, rng) : '';
  const whatsappShare = country === 'US' ? (name.usHispanic ? 0.35 : 0.08) : 0.7;
  const whatsapp = phone.type === 'mobile' && rng.chance(whatsappShare) ? phone.e164 : '';
  const us = country === 'US';
  const contact: DemoContact = {
    phone,
    email,
    whatsapp,
    consentCall: us ? consent(rng, 0.6, 0.25) : consent(rng, 0.85, 0.05),
    // Texts go to mobiles only: a landline's SMS consent is left unknown (so ~50 % of all US debtors).
    consentSms: phone.type === 'landline' ? '' : us ? consent(rng, 0.58, 0.25) : consent(rng, 0.85, 0.05),
    consentWhatsapp: whatsapp ? (us ? consent(rng, 0.6, 0.15) : consent(rng, 0.85, 0.05)) : '',
    consentEmail: email ? (us ? consent(rng, 0.75, 0.1) : consent(rng, 0.85, 0.05)) : '',
    preferredChannel: '',
  };
  if (rng.chance(0.25)) contact.preferredChannel = preferred(contact, rng);
  return contact;
}

function preferred(c: DemoContact, rng: Rng): DemoContact['preferredChannel'] {
  const options: DemoContact['preferredChannel'][] = ['call'];
  if (c.whatsapp) options.push('whatsapp', 'whatsapp', 'whatsapp');
  if (c.email) options.push('email', 'email');
  if (c.phone.type === 'mobile') options.push('sms');
  return rng.pick(options);
}
