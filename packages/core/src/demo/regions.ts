import type { DemoCountry } from './names.js';

/**
 * Where demo debtors live: ISO 3166-2 regions with their IANA zones and the telephone area codes
 * (landline prefixes for ES/CO) of the places inside them. A region spanning zones is split into
 * places (El Paso is Mountain time, the Florida panhandle Central, Ciudad Juárez has its own zone)
 * so phone, region and zone always agree. Weights are rough shares of a consumer-credit book.
 */
export interface DemoPlace {
  readonly zone: string;
  /** MX/US: area codes (landline and mobile). ES/CO: landline prefixes after the country code. */
  readonly areaCodes: readonly string[];
  /** Relative weight inside the region. */
  readonly weight: number;
  /** Tags every debtor of the place carries, e.g. `nyc`. */
  readonly tags?: readonly string[];
  /** US only: probability that a debtor here has a Hispanic name. */
  readonly usHispanicShare?: number;
}

export interface DemoRegion {
  /** ISO 3166-2 code, e.g. MX-CMX. */
  readonly code: string;
  readonly name: string;
  /** Relative weight inside the country. */
  readonly weight: number;
  readonly places: readonly DemoPlace[];
}

const place = (zone: string, areaCodes: readonly string[], extra: Partial<DemoPlace> = {}): DemoPlace => ({
  zone,
  areaCodes,
  weight: 1,
  ...extra,
});
const r = (code: string, name: string, weight: number, ...places: DemoPlace[]): DemoRegion => ({
  code,
  name,
  weight,
  places,
});

const MXC = 'America/Mexico_City';
const MTY = 'America/Monterrey';
const MAD = 'Europe/Madrid';
const BOG = 'America/Bogota';
const NYZ = 'America/New_York';
const CHI = 'America/Chicago';
const LAX = 'America/Los_Angeles';

const mx: readonly DemoRegion[] = [
  r('MX-CMX', 'Ciudad de México', 16, place(MXC, ['55'])),
  r('MX-MEX', 'Estado de México', 14, place(MXC, ['55'], { weight: 3 }), place(MXC, ['722', '729'])),
  r('MX-JAL', 'Jalisco', 9, place(MXC, ['33'], { weight: 4 }), place(MXC, ['322', '341'])),
  r('MX-NLE', 'Nuevo León', 8, place(MTY, ['81'])),
  r('MX-PUE', 'Puebla', 5, place(MXC, ['222'])),
  r('MX-GUA', 'Guanajuato', 5, place(MXC, ['477', '462', '473'])),
  r('MX-VER', 'Veracruz', 5, place(MXC, ['229', '228', '921'])),
  r('MX-BCN', 'Baja California', 4, place('America/Tijuana', ['664', '686', '646'])),
  r('MX-CHH', 'Chihuahua', 3, place('America/Chihuahua', ['614']), place('America/Ciudad_Juarez', ['656'])),
  r('MX-SON', 'Sonora', 2.5, place('America/Hermosillo', ['662', '644', '631'])),
  r('MX-ROO', 'Quintana Roo', 2, place('America/Cancun', ['998', '984'])),
  r('MX-YUC', 'Yucatán', 2, place('America/Merida', ['999'])),
  r('MX-QUE', 'Querétaro', 2.5, place(MXC, ['442'])),
  r('MX-COA', 'Coahuila', 2.5, place(MTY, ['844', '871'])),
  r(
    'MX-TAM',
    'Tamaulipas',
    2.5,
    place('America/Matamoros', ['868', '899', '867']),
    place(MTY, ['833', '834']),
  ),
  r('MX-SIN', 'Sinaloa', 2.5, place('America/Mazatlan', ['667', '669'])),
  r('MX-BCS', 'Baja California Sur', 1, place('America/Mazatlan', ['612', '624'])),
  r('MX-MIC', 'Michoacán', 3, place(MXC, ['443'])),
  r('MX-OAX', 'Oaxaca', 2, place(MXC, ['951'])),
  r('MX-CHP', 'Chiapas', 2, place(MXC, ['961'])),
  r('MX-GRO', 'Guerrero', 2, place(MXC, ['744', '747'])),
  r('MX-HID', 'Hidalgo', 1.5, place(MXC, ['771'])),
  r('MX-SLP', 'San Luis Potosí', 1.5, place(MXC, ['444'])),
  r('MX-MOR', 'Morelos', 1.5, place(MXC, ['777'])),
  r('MX-TAB', 'Tabasco', 1.5, place(MXC, ['993'])),
  r('MX-AGU', 'Aguascalientes', 1, place(MXC, ['449'])),
  r('MX-DUR', 'Durango', 1, place(MTY, ['618'])),
];

// Spain: Europe/Madrid everywhere except the Canaries (Atlantic/Canary, one hour behind).
const es: readonly DemoRegion[] = [
  r('ES-AN', 'Andalucía', 18, place(MAD, ['954', '955', '952', '958', '957', '956', '953', '950', '959'])),
  r('ES-CT', 'Catalunya', 16, place(MAD, ['93'], { weight: 4 }), place(MAD, ['972', '973', '977'])),
  r('ES-MD', 'Comunidad de Madrid', 15, place(MAD, ['91'])),
  r('ES-VC', 'Comunitat Valenciana', 11, place(MAD, ['96'])),
  r('ES-GA', 'Galicia', 6, place(MAD, ['981', '986', '988', '982'])),
  r('ES-CL', 'Castilla y León', 5, place(MAD, ['983', '987', '923', '947'])),
  r('ES-PV', 'País Vasco', 5, place(MAD, ['94', '943', '945'])),
  r('ES-CN', 'Canarias', 5, place('Atlantic/Canary', ['928', '922'])),
  r('ES-CM', 'Castilla-La Mancha', 4, place(MAD, ['925', '926', '967', '949'])),
  r('ES-MC', 'Región de Murcia', 3, place(MAD, ['968'])),
  r('ES-AR', 'Aragón', 3, place(MAD, ['976', '974', '978'])),
  r('ES-IB', 'Illes Balears', 2.5, place(MAD, ['971'])),
  r('ES-EX', 'Extremadura', 2, place(MAD, ['924', '927'])),
  r('ES-AS', 'Asturias', 2, place(MAD, ['985'])),
  r('ES-NC', 'Navarra', 1.5, place(MAD, ['948'])),
  r('ES-CB', 'Cantabria', 1.2, place(MAD, ['942'])),
  r('ES-RI', 'La Rioja', 0.7, place(MAD, ['941'])),
];

// Colombia: one zone; landlines use the 60X regional prefixes of the 2021 numbering plan.
const co: readonly DemoRegion[] = [
  r('CO-DC', 'Bogotá D.C.', 32, place(BOG, ['601'])),
  r('CO-ANT', 'Antioquia', 15, place(BOG, ['604'])),
  r('CO-VAC', 'Valle del Cauca', 10, place(BOG, ['602'])),
  r('CO-CUN', 'Cundinamarca', 6, place(BOG, ['601'])),
  r('CO-ATL', 'Atlántico', 6, place(BOG, ['605'])),
  r('CO-SAN', 'Santander', 5, place(BOG, ['607'])),
  r('CO-BOL', 'Bolívar', 4, place(BOG, ['605'])),
  r('CO-COR', 'Córdoba', 2.5, place(BOG, ['604'])),
  r('CO-NSA', 'Norte de Santander', 2.5, place(BOG, ['607'])),
  r('CO-TOL', 'Tolima', 2.5, place(BOG, ['608'])),
  r('CO-MET', 'Meta', 2.5, place(BOG, ['608'])),
  r('CO-NAR', 'Nariño', 2.5, place(BOG, ['602'])),
  r('CO-RIS', 'Risaralda', 2.5, place(BOG, ['606'])),
  r('CO-CAL', 'Caldas', 2, place(BOG, ['606'])),
  r('CO-HUI', 'Huila', 2, place(BOG, ['608'])),
  r('CO-MAG', 'Magdalena', 2, place(BOG, ['605'])),
  r('CO-QUI', 'Quindío', 1.5, place(BOG, ['606'])),
];

const us: readonly DemoRegion[] = [
  r(
    'US-CA',
    'California',
    12,
    place(
      LAX,
      [
        '213',
        '310',
        '323',
        '818',
        '626',
        '562',
        '714',
        '909',
        '415',
        '510',
        '408',
        '650',
        '619',
        '858',
        '916',
      ],
      { usHispanicShare: 0.4 },
    ),
  ),
  r(
    'US-TX',
    'Texas',
    9,
    place(CHI, ['713', '832', '281', '214', '469', '972', '817', '512', '210', '956'], {
      weight: 19,
      usHispanicShare: 0.4,
    }),
    place('America/Denver', ['915'], { usHispanicShare: 0.8 }),
  ),
  r(
    'US-FL',
    'Florida',
    7,
    place(NYZ, ['305', '786', '954', '561', '407', '321', '813', '727', '904', '239'], {
      weight: 19,
      usHispanicShare: 0.3,
    }),
    place(CHI, ['850'], { usHispanicShare: 0.06 }),
  ),
  // New York City gets its own place (and the `nyc` tag): NYC DCWP collection rules apply there.
  r(
    'US-NY',
    'New York',
    6,
    place(NYZ, ['212', '646', '917', '718', '347', '929'], {
      weight: 2,
      tags: ['nyc'],
      usHispanicShare: 0.28,
    }),
    place(NYZ, ['518', '716', '585', '315', '914', '516', '631'], { usHispanicShare: 0.08 }),
  ),
  r(
    'US-IL',
    'Illinois',
    4,
    place(CHI, ['312', '773', '872', '630', '847', '708', '217'], { usHispanicShare: 0.18 }),
  ),
  r('US-PA', 'Pennsylvania', 4, place(NYZ, ['215', '267', '412', '610', '717'], { usHispanicShare: 0.08 })),
  r('US-OH', 'Ohio', 3.5, place(NYZ, ['614', '216', '513', '330', '419'], { usHispanicShare: 0.05 })),
  r('US-GA', 'Georgia', 3.5, place(NYZ, ['404', '470', '678', '770', '912'], { usHispanicShare: 0.1 })),
  r('US-NC', 'North Carolina', 3, place(NYZ, ['704', '919', '336', '910'], { usHispanicShare: 0.1 })),
  r(
    'US-MI',
    'Michigan',
    3,
    place('America/Detroit', ['313', '248', '616', '517', '734'], { usHispanicShare: 0.06 }),
  ),
  r(
    'US-NJ',
    'New Jersey',
    3,
    place(NYZ, ['201', '973', '732', '908', '856', '609'], { usHispanicShare: 0.2 }),
  ),
  r('US-VA', 'Virginia', 2.5, place(NYZ, ['703', '571', '757', '804'], { usHispanicShare: 0.1 })),
  r(
    'US-AZ',
    'Arizona',
    2.5,
    place('America/Phoenix', ['602', '480', '623', '520', '928'], { usHispanicShare: 0.32 }),
  ),
  // Massachusetts has its own debt-collection regulation (940 CMR 7.00): keep a visible share.
  r(
    'US-MA',
    'Massachusetts',
    2.5,
    place(NYZ, ['617', '857', '508', '781', '978', '413'], { usHispanicShare: 0.12 }),
  ),
  r('US-WA', 'Washington', 2.5, place(LAX, ['206', '425', '253', '509'], { usHispanicShare: 0.13 })),
  r(
    'US-TN',
    'Tennessee',
    2,
    place(CHI, ['615', '629', '901', '731'], { weight: 2, usHispanicShare: 0.06 }),
    place(NYZ, ['865', '423'], { usHispanicShare: 0.04 }),
  ),
  r('US-CO', 'Colorado', 2, place('America/Denver', ['303', '720', '719', '970'], { usHispanicShare: 0.22 })),
  r(
    'US-IN',
    'Indiana',
    1.5,
    place('America/Indiana/Indianapolis', ['317', '765', '260'], { usHispanicShare: 0.07 }),
  ),
  r('US-NV', 'Nevada', 1.5, place(LAX, ['702', '725', '775'], { usHispanicShare: 0.29 })),
  r('US-HI', 'Hawaii', 0.4, place('Pacific/Honolulu', ['808'], { usHispanicShare: 0.1 })),
];

/** Regions per country; every place's zone is a valid IANA zone and its area codes are real. */
export const demoRegions: Readonly<Record<DemoCountry, readonly DemoRegion[]>> = {
  MX: mx,
  ES: es,
  CO: co,
  US: us,
};
