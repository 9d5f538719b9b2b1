import { pastCue } from './date.js';
import { foldAccents } from './normalize.js';

/**
 * Concept classes: many surface forms (slang, euphemisms, typos, both languages) mapped to one
 * classifier feature (`con:…`), so a reply worded in a way no training example used still lights the
 * same feature as the examples that taught it. Unlike the cue lexicons (lexicon.ts), each class is one
 * idea, not one intent: "lost my job" is a fact the classifier weighs (hardship, or a plan request, or
 * a promise with a date). Each class generalises a *kind* of leave-one-source-out error, not its exact
 * wording, so it helps on new wordings rather than memorising old ones. Patterns run on folded text (lower
 * case, no accents).
 */
export const concepts: ReadonlyArray<[string, RegExp]> = [
  // Losing income: job loss, cut hours, sick leave, closed business.
  [
    'job_loss',
    /\b(?:ere|expediente\s+de\s+regulacion|no\s+(?:facture|vendi|he\s+vendido|he\s+facturado)|(?:las\s+)?ventas\s+(?:bajaron|cayeron)|business\s+is\s+slow|shut\s+down|(?:nobody|no\s+one)\s+(?:is\s+|'?s\s+)?hiring|no\s+hay\s+trabajo|no\s+consigo\s+(?:trabajo|empleo)|can'?t\s+find\s+(?:a\s+)?(?:job|work)|cerro\s+la\s+(?:fabrica|empresa|planta)|furlough\w*|laid\s+off|(?:got|been|was|were)\s+(?:fired|let\s+go)|no\s+(?:tengo\s+)?ingresos|no\s+income|(?:me\s+)?(?:cancelaron|terminaron)\s+(?:el|mi)\s+contrato|lost\s+(?:my|his|her|our)\s+(?:job|work|income|business)|hours\s+(?:got\s+|were\s+)?(?:cut|reduced)|reduced\s+hours|between\s+jobs|out\s+of\s+work|unemploy\w*|jobless|business\s+(?:closed|went\s+under)|despid\w*|me\s+(?:corrieron|echaron|botaron|liquidaron|rajaron)|sin\s+(?:trabajo|empleo|chamba|laburo|curro|camello|jale|pega|ingresos)|en\s+(?:el\s+)?paro|desemplead\w*|cesante|erte|me\s+quede\s+sin|cerr\w+\s+(?:el|mi)\s+(?:negocio|local|changarro)|recort\w+\s+(?:de\s+)?(?:horas|personal|sueldo))\b/,
  ],
  // Illness, accident, disability (the debtor or the family).
  [
    'illness',
    /\b(?:covid|dementia|alzheimer\w*|demencia|sick|illness|hospital\w*|surgery|chemo\w*|cancer|disabilit\w*|disabled|ssi|ssdi|injur\w*|accident|medical|diagnos\w*|enferm\w*|internad[oa]|operad[oa]|operaron|cirugia|quimio\w*|incapacit\w*|baja\s+medica|de\s+baja|accidente|embarazad[oa]|diabet\w*|dialisis|tratamiento|medicinas?|medicamentos?)\b/,
  ],
  // Death, euphemisms included ("ya partió", "se nos adelantó", "no longer with us", "lost my husband").
  [
    'death',
    /\b(?:lost\s+(?:him|her|them)\s+to|(?:lo|la)\s+perdimos|past\s+a\s*way|passed\s+a\s+way|probate|personal\s+representative|executor|executrix|albacea|sucesion|testamentari\w*|rip(?!\s+(?:off|me|us|you|him|her|them|it))|r\.i\.p|(?:ain'?t|aint|is\s+not|isn'?t)\s+here\s+no\s+more|no\s+longer\s+(?:alive|living)|killed|murdered|asesinad[oa]|(?:lo|la)\s+(?:mataron|asesinaron)|went\s+home\s+to\s+(?:be\s+with\s+)?(?:the\s+lord|jesus|god)|called\s+home|with\s+the\s+lord|gone\s+to\s+heaven|dios\s+se\s+(?:lo|la)\s+llevo|se\s+(?:lo|la)\s+llevo\s+(?:dios|el\s+senor)|esta\s+con\s+dios|descansa\s+en\s+paz|ya\s+no\s+se\s+encuentra\s+entre\s+nosotros|partio|se\s+nos\s+(?:fue|adelanto)|descans\w+\s+en\s+paz|en\s+paz\s+descanse|ya\s+no\s+esta\s+(?:con\s+nosotros|entre\s+nosotros)|en\s+el\s+cielo|sepelio|velorio|funeral|obituar\w*|in\s+heaven|no\s+longer\s+with\s+us|passed(?:\s+away|\s+on)?|perdi\s+a\s+mi\s+(?:esposo|esposa|madre|padre|mama|papa|hijo|hija|marido|mujer)|lost\s+my\s+(?:husband|wife|mother|father|mom|dad|son|daughter)|q\.?e\.?p\.?d|murio|muri[oe]|falleci\w*|died|(?:is|he'?s|she'?s|are|been)\s+dead|deceased|late\s+(?:husband|wife|father|mother))\b/,
  ],
  // Third parties and authorities the debtor invokes.
  [
    'legal',
    /\b(?:probate|lawyer|attorney|abogad[oa]|legal\s+aid|cfpb|ftc|fcc|attorney\s+general|profeco|condusef|procuraduria|superintendencia|superfinanciera|defensor\w*\s+del\s+consumidor|omic|bbb|better\s+business|court|judge|juzgado|juez|tribunal\w*|demand\w*|sue|lawsuit|fdcpa|fcra|derechos?|rights?)\b/,
  ],
  // Asking for evidence of the debt.
  [
    'proof',
    /\b(?:proof|prove|validation|validate|verif\w*|itemized|breakdown|statement|documentation|paperwork|contract|signed|signature|agreement|pruebas?|demuestr\w*|comprob\w*|document\w*|contrato|firmad[oa]|firma|pagare|desglose|detalle|soporte|certificad[oa]|papeles|evidencia)\b/,
  ],
  // Paying less than the balance.
  [
    'reduce',
    /\b(?:congel\w+\s+(?:la\s+)?deuda|freeze\s+the\s+(?:balance|debt|interest)|discount|descuento|quita|rebaj\w*|reduc\w*|lower|less|menos|settle\w*|negotiat\w*|negoci\w*|forgive\w*|perdon\w*|condon\w*|waive\w*|knock\s+off|quit\w+\s+(?:los\s+)?(?:intereses|recargos)|la\s+mitad|half|porcentaje|percent|por\s*ciento|lo\s+minimo|lowest|least|cerrar|close\s+(?:it|this|the)|make\s+(?:it|this)\s+go\s+away|quedar\s+a\s+mano|call\s+it\s+even|pago\s+unico|lump\s+sum|one[-\s]time)\b/,
  ],
  // "Who is this?" and "how did you get my number?".
  [
    'whois',
    /\b(?:who\s+do\s+(?:you|u|y'?all)\s+work\s+for|para\s+quien\s+trabaj\w+|de\s+que\s+(?:empresa|compania|agencia|banco)\s+(?:es|son|eres|me\s+(?:llaman|escriben|hablan))|and\s+(?:you|u|y'?all|yall)\s+are|who\s+dis|y\s+(?:usted|ustedes|vos|tu)\s+quien(?:es)?\s+(?:es|son|sos|eres)|quien(?:es)?\s+(?:putas|carajos?|diablos|demonios|rayos)\s+(?:es|son|sos|eres|habla)|who\s+(?:is\s+this|dis|this|are\s+you|r\s+u|am\s+i\s+(?:speaking|talking)\s+(?:to|with))|who'?s\s+this|quien\s+(?:habla|es|eres|sos|sois|son|me\s+(?:escribe|llama|habla))|kien\s+(?:habla|es|eres|sos)|de\s+parte\s+de\s+quien|con\s+quien\s+hablo|que\s+empresa|what\s+company|how\s+did\s+you\s+get\s+(?:my|this)|de\s+donde\s+(?:sacaron|tienen|obtuvieron))\b/,
  ],
  // Personal chats sent to the wrong chat (unknown): family, errands, plans, leisure.
  // Family words only as a vocative opening or closing the message ("mom call me", "ok babe"): a debtor's
  // "my mom passed away" or "my grandma has dementia" is no personal chat.
  [
    'chat',
    /^(?:hey\s+|hi\s+|ok\s+|oye\s+|hola\s+)?(?:mom|mommy|mami|mama|babe|baby|honey|hun|amor|mi\s+amor|cari(?:n|ñ)o|abuela|abuelita|grandma|grandpa|sis|bestie|compa|carnal|bro|gordo|gorda|flaco|flaca|mija|mijo)\b|\b(?:mom|babe|baby|honey|amor|bestie|sis|mija|mijo)\s*$|\b(?:practice|milk|eggs|diapers|tortillas|pan\s+dulce|leche|cargador|charger|wifi|asado|carne\s+asada|carnita|bbq|party|fiesta|cumple\w*|birthday|bday|movie|peli\w*|cine|novela|serie|game|partido|futbol|football|gym|pool|beach|playa|on\s+my\s+way|be\s+there\s+in|running\s+late|llego\s+(?:tarde|en)|ya\s+llegue|voy\s+para\s+(?:la\s+)?casa|love\s+you|te\s+quiero|te\s+amo|miss\s+you)\b/,
  ],
  // Notifications, auto-replies, marketing and verification codes (unknown).
  [
    'notice',
    /\b(?:(?:le|te|les)\s+informa|compra\s+por|si\s+no\s+reconoce|card\s+ending\s+in|ending\s+in\s+\d|was\s+used\s+for|purchase\s+(?:at|of)|terminada\s+en|compra\s+aprobada|transaccion\s+aprobada|one-?time\s+(?:code|passcode)|do\s+not\s+disturb|i'?m\s+driving|estoy\s+(?:manejando|conduciendo)|reply\s+(?:y|yes|stop\s+to\s+opt)|responde\s+si|confirm\s+your|confirmad[oa]\s+para|tu\s+cita|su\s+cita|appointment|recarga|delivered|entregad[oa]|shipped|tracking|your\s+(?:order|package|code|account\s+has|uber|ride|pin|otp)|tu\s+codigo|codigo\s+de|promo\w*|oferta\s+especial|special\s+offer|suscrib\w+\s+a|newsletter|no\s+esta\s+disponible|buzon|voicemail\s+box|mailbox|no\s+responder|do\s+not\s+reply|mensaje\s+automatico|respuesta\s+automatica|auto-?reply|automated|out\s+of\s+(?:the\s+)?office|vacaciones\s+hasta|on\s+vacation)\b/,
  ],
  // Dismissive refusals: idioms that say "you will never get paid".
  [
    'dismiss',
    /\b(?:ni\s+por\s+el\s+putas|ni\s+a\s+palos|ni\s+de\s+vainas|ni\s+muert[oa]|ni\s+borrach[oa]|win\s+the\s+lottery|me\s+saque\s+la\s+loteria|gane\s+la\s+loteria|garnish\s+away|sue\s+away|go\s+ahead\s+and\s+(?:sue|garnish|report)|embarguen\s+lo\s+que\s+quieran|for\s+all\s+i\s+care|me\s+vale\s+(?:madre|madres|verga|gorro|queso|un\s+\w+)|me\s+importa\s+un\s+(?:carajo|pepino|bledo|comino|pito|huevo|rabano)|could(?:n'?t)?\s+care\s+less|i\s+don'?t\s+give\s+a|dia\s+del\s+(?:arquero|nunca|ninguno)|cuando\s+(?:las\s+ranas|los\s+chanchos|los\s+cerdos|las\s+vacas|los\s+burros)\s+(?:crien|echen|tengan|vuelen)|twelfth\s+of\s+never|when\s+pigs\s+fly|(?:not|ain'?t|aint)\s+happening|never\s+gonna\s+happen|keep\s+waiting|sigan\s+esperando|espera\s+sentad[oa]|cuando\s+las\s+ranas|cuando\s+los\s+chanchos|ni\s+lo\s+piensen|in\s+your\s+dreams|en\s+tus\s+suenos|fat\s+chance|over\s+my\s+dead\s+body|sobre\s+mi\s+cadaver|yeah\s+right|when\s+hell\s+freezes|keep\s+dreaming|dream\s+on|good\s+luck\s+(?:with\s+that|collecting)|not\s+my\s+problem|no\s+es\s+mi\s+problema|never\s+see\s+a|won'?t\s+see\s+a|sigan\s+sonando|sigue\s+sonando|ni\s+lo\s+sueñen|ni\s+lo\s+suenen|que\s+se\s+olviden|olvid(?:ate|ense|aos|alo)|quedar(?:se)?\s+esperando|esperando\s+sentad[oa]s|cuando\s+(?:yo\s+)?quiera|cobrenle\s+a\s+(?:su|tu|otro)|paguen\s+ustedes|ni\s+en\s+(?:pedo|suenos|broma)|ni\s+loco|ni\s+madres|ni\s+de\s+chiste|jamas\s+(?:les\s+)?(?:voy|pago)|do\s+your\s+worst|report\s+it)\b/,
  ],
  // Identity confirmed ("that's me", "soy yo", "speaking"): affirm, not wrong party.
  [
    'its_me',
    /\b(?:(?:yo\s+)?soy\s+(?:el|la)\s+titular|con\s+(?:el|la)\s+titular\s+habla|(?:that|the|this|my)\s+(?:address|number|email|info|information|phone)\s+is\s+(?:still\s+)?(?:good|correct|right|valid|the\s+same)|(?:la\s+)?(?:direccion|numero|correo)\s+(?:sigue\s+siendo|es)\s+(?:correct[oa]|la\s+misma|el\s+mismo|valid[oa])|(?:si,?\s+)?ese\s+es\s+mi\s+numero|that'?s\s+my\s+number|yo\s+mero|el\s+mero|la\s+mera|el\s+mismo\s+que\s+viste|la\s+misma\s+que\s+viste|that'?s\s+me|this\s+is\s+(?:him|her|me|she|he)|it'?s\s+me|speaking|yes\s+(?:this\s+is|it\s+is)|soy\s+yo|si\s+soy\s+yo|el\s+habla|ella\s+habla|habla\s+(?:el|ella|con\s+el|con\s+ella)|al\s+habla|con\s+(?:el|ella)\s+habla)\b/,
  ],
  // The person sought is someone else, elsewhere ("he moved out", "my ex", "número nuevo").
  [
    'someone_else',
    /\b(?:who\s+had\s+(?:it|this\s+(?:number|phone))\s+before|prepaid\s+phone|quien\s+lo\s+tenia\s+antes|antes\s+era\s+de\s+(?:otra|otro|alguien)|(?:es|este\s+es)\s+el\s+(?:cel|celular|numero|telefono|movil)\s+de\s+(?:mi|una|un)|(?:mismo|same)\s+(?:nombre|name)|me\s+llamo\s+[a-z]+,?\s+no\s+[a-z]+|my\s+name\s+is\s+[a-z]+,?\s+not\s+[a-z]+|moved\s+(?:out|away)|no\s+longer\s+lives|doesn'?t\s+live|my\s+ex|his\s+ex|her\s+ex|i'?m\s+(?:his|her)\s+(?:ex|wife|husband|mom|sister|brother)|new\s+number|just\s+got\s+this\s+number|se\s+mudo|ya\s+no\s+vive|no\s+vive\s+(?:aqui|aca)|mi\s+ex|numero\s+nuevo|este\s+numero\s+(?:es\s+mio|lo\s+tengo|lo\s+compre)|tienen\s+mal\s+el\s+numero|se\s+confundi\w*|os\s+habeis\s+confundido|te\s+confundiste|don'?t\s+know\s+(?:a|any|anyone|him|her)|no\s+conozco\s+a|no\s+se\s+quien\s+es|quien\s+es\s+(?:ese|esa)|who\s+is\s+(?:that|he|she))\b/,
  ],
  // Splitting the balance over time is a plan, not a reduced total ("la mitad ahora y la otra mitad en enero").
  [
    'split',
    /\b(?:(?:\d+|some|algo)\s+down\s+(?:today|now)|the\s+rest\s+over|el\s+resto\s+en\s+(?:cuotas|partes|meses|abonos)|down\s+payment|enganche|cuota\s+inicial|pago\s+inicial)\b|\bmitad\s+(?:en|el|este|para)\s+\w+\s*,?\s+y\s+(?:la\s+otra\s+)?mitad\b|\bhalf\s+(?:in|on|this|by)\s+\w+\s*,?\s+and\s+(?:the\s+other\s+)?half\b|\b(?:(?:la\s+)?mitad|half|parte|part|un\s+poco|some|algo)\s+(?:ahora|ahorita|hoy|now|today|este\s+mes|this\s+month|el\s+\w+|on\s+the\s+\w+)\s*(?:,\s*)?(?:y|and)\s+(?:la\s+otra\s+mitad|el\s+resto|lo\s+demas|the\s+rest|the\s+other\s+half|half|otra\s+parte|la\s+otra|the\s+remainder)|\b(?:y|and)\s+(?:\d+\s+)?(?:el|la)\s+otr[oa]\s+(?:viernes|quincena|mes|semana)|\b(?:y|and)\s+(?:la\s+otra\s+mitad|el\s+resto|the\s+rest|the\s+other\s+half)\s+(?:el|la|en|next|on|in|a)\b/,
  ],
  // Questions about the state of the account: what is left, what was paid, what it includes, what happens if.
  [
    'status',
    /\b(?:me\s+falta\w*|me\s+quedan?|llevo\s+(?:hechos|pagad\w+|pagando)|have\s+i\s+paid|so\s+far|left\s+(?:on|to\s+pay)|remaining\s+balance|incluye\w*|include\w*|last\s+payment|ultimo\s+pago|(?:que|what)\s+(?:pasa|happens)\s+si|what\s+happens\s+if|buro|datacredito|veraz|credit\s+(?:report|score|bureau)|reportad[oa]|reported|my\s+options|mis\s+opciones|interest\s+rate|tasa\s+de\s+interes|due\s+date|fecha\s+(?:limite|de\s+pago|de\s+vencimiento)|vence\w*)\b/,
  ],
  // "I won't pay twice": a payment already made.
  ['paid_twice', /\b(?:pagar|pague|pay|paying)\s+(?:dos\s+veces|otra\s+vez|de\s+nuevo|twice|again)\b/],
];

/** Names of the concept classes present in a reply (folded text, and the raw text for capitals). */
export function conceptsIn(folded: string, raw = ''): string[] {
  const out: string[] = [];
  for (const [name, re] of concepts) if (re.test(folded)) out.push(name);
  // "who is Brandon?": a capitalised name, seen only before folding, asks for someone else (wrong party).
  if (
    /\b(?:[Ww]ho\s+is|[Ww]ho's|[Qq]ui[eé]n\s+es)\s+(?!This\b|That\b|It\b|Este\b|Esta\b)\p{Lu}\p{Ll}+/u.test(
      raw,
    )
  )
    out.push('who_name');
  return out;
}

/**
 * What kind of utterance it is, whatever its topic: a wh-question ("¿cuántas cuotas me faltan?" asks,
 * "¿puedo pagar en cuotas?" requests), a request (can I / ¿se puede…?), a condition ("si me quitan
 * los intereses…", "if you take 700…": an offer), the past tense ("pagó", "consignó" fold to the
 * present "pago", "consigno", so the accent is read before folding) and the future ("realizaré",
 * "I'll"). Measured: +0.5 points on the dev set, neutral held out. The same words with a different
 * act are often different intents; these cues carry that across topics the corpus never paired.
 */
export function speechActs(raw: string, folded: string): string[] {
  const lower = foldAccents(raw.toLowerCase());
  const out: string[] = [];
  if (
    /(?:^|[.?!¿,]\s*)(?:cuanto|cuanta|cuantos|cuantas|cuando|que|quien|quienes|donde|como|cual|cuales|por\s+que|de\s+que|de\s+donde|a\s+que|how|what|what's|whats|who|who's|when|where|which|why|kien|ke)\b/.test(
      lower,
    )
  )
    out.push('wh');
  if (
    /\b(?:wondering\s+if|is\s+there|are\s+there|do\s+(?:you|u|y'?all)\s+(?:have|offer|do)|hay\s+(?:alguna|algun|forma|manera|posibilidad)|tienen\s+(?:alguna|algun)|manejan|can\s+i|could\s+i|can\s+we|could\s+we|may\s+i|would\s+you|will\s+you|could\s+you|can\s+you|would\s+u|can\s+u|puedo|podria|podemos|se\s+puede|se\s+podria|me\s+pueden|me\s+puede|me\s+podrian|pueden|aceptan|aceptarian|aceptariais|aceptais|me\s+dejan|es\s+posible|habria\s+forma|hay\s+forma|any\s+chance|is\s+it\s+possible)\b/.test(
      folded,
    )
  )
    out.push('modal');
  if (
    /\bsi\s+(?:me|le|les|nos|te|os|ustedes|usted|pago|puedo|aceptan|acepta|aceptais|quitan|hacen|haceis|dejan|dejais|bajan|rebajan|tomas|toman)\b|\bif\s+(?:you|u|i|we|y'?all|they)\b/.test(
      folded,
    )
  )
    out.push('cond');
  if (/\p{L}{3,}[éó](?!\p{L})/u.test(raw.toLowerCase()) || pastCue.test(folded)) out.push('past');
  // Spanish synthetic future ("realizaré", "pagaremos") folds into "realizare", a noun-like form ("pagaré").
  if (
    /\p{L}{2,}(?:ré|rá|remos|rán)(?!\p{L})/u.test(raw.toLowerCase()) ||
    /\b(?:will|i'?ll|ill|gonna|going\s+to|voy\s+a|vamos\s+a)\b/.test(folded)
  )
    out.push('future');
  return out;
}
