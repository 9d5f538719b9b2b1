/**
 * Where a debtor in hardship can get free help, for every country with a compliance pack (and
 * Argentina), in Spanish and English. Kept modest on purpose: public bodies and nonprofits that
 * take consumer questions or complaints, named with their official site, no promise of outcome.
 * An organisation replaces or extends these in its offer policy.
 */
export const defaultReferrals: Readonly<Record<string, { es: string; en: string }>> = {
  MX: {
    es: 'Si necesita orientación gratuita, la CONDUSEF (Comisión Nacional para la Protección y Defensa de los Usuarios de Servicios Financieros) atiende consultas y reclamaciones sin costo: www.condusef.gob.mx.',
    en: 'For free guidance, CONDUSEF (the National Commission for the Protection and Defence of Financial Services Users) takes questions and complaints at no cost: www.condusef.gob.mx.',
  },
  ES: {
    es: 'Puede dirigirse sin coste al servicio de atención al cliente de su acreedor y, si no le responde o no está de acuerdo con la respuesta, al Servicio de Reclamaciones del Banco de España: www.bde.es.',
    en: "You can contact your creditor's customer service department at no cost and, if it does not answer or you disagree with its answer, the Banco de España claims service: www.bde.es.",
  },
  US: {
    es: 'Una agencia de asesoría de crédito sin fines de lucro puede revisar su situación sin costo o a bajo costo; la National Foundation for Credit Counseling le indica una cercana: www.nfcc.org.',
    en: 'A nonprofit credit counseling agency can review your situation for free or at low cost; the National Foundation for Credit Counseling can point you to one: www.nfcc.org.',
  },
  CO: {
    es: 'Puede acudir sin costo al defensor del consumidor financiero de su entidad o a la Superintendencia Financiera de Colombia: www.superfinanciera.gov.co.',
    en: "You can turn, at no cost, to your institution's financial consumer ombudsman (defensor del consumidor financiero) or to the Superintendencia Financiera de Colombia: www.superfinanciera.gov.co.",
  },
  AR: {
    es: 'El Banco Central de la República Argentina atiende sin costo consultas y reclamos de usuarios de servicios financieros (www.bcra.gob.ar), y también la oficina de Defensa del Consumidor de su localidad.',
    en: "The Central Bank of Argentina (BCRA) takes financial services users' questions and complaints at no cost (www.bcra.gob.ar), as does your local consumer protection office (Defensa del Consumidor).",
  },
  CL: {
    es: 'Puede consultar sin costo al SERNAC, el Servicio Nacional del Consumidor (www.sernac.cl), o a la Comisión para el Mercado Financiero si su acreedor es una entidad supervisada (www.cmfchile.cl).',
    en: 'You can ask SERNAC, the National Consumer Service (www.sernac.cl), at no cost, or the Financial Market Commission if your creditor is a supervised institution (www.cmfchile.cl).',
  },
  PE: {
    es: 'Puede consultar sin costo al INDECOPI (www.indecopi.gob.pe) o, si su acreedor es una entidad supervisada, a la Superintendencia de Banca, Seguros y AFP (www.sbs.gob.pe).',
    en: 'You can ask INDECOPI (www.indecopi.gob.pe) at no cost or, if your creditor is a supervised institution, the Superintendency of Banking, Insurance and Pension Funds (www.sbs.gob.pe).',
  },
  BR: {
    es: 'Puede consultar sin costo al Procon de su estado o registrar su caso en www.consumidor.gov.br.',
    en: 'You can ask your state Procon (consumer protection office) at no cost or file your case at www.consumidor.gov.br.',
  },
  GB: {
    es: 'MoneyHelper, un servicio respaldado por el gobierno, le orienta hacia asesoría de deudas gratuita e independiente: www.moneyhelper.org.uk.',
    en: 'MoneyHelper, a government-backed service, can point you to free, independent debt advice: www.moneyhelper.org.uk.',
  },
};
