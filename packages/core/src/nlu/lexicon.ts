import { foldText } from './normalize.js';

/**
 * Hand-made cue lexicons: each regex over folded text becomes one classifier feature (`lex:…`).
 * They carry knowledge a few hundred examples cannot (every insult, every way to say "I lost my
 * job") while the trained weights decide how much each cue counts. Spanish (MX/ES/CO/AR) and English.
 */
export const lexicon: ReadonlyArray<[string, RegExp]> = [
  [
    'greet',
    /\b(holi|holis|alo|aloo|sup|wassup|what'?s\s+up|whats\s+up|yo|quiubo|quihubo|que\s+hubo|que\s+mas|buenas\s+buenas|hey\s+there|hi\s+there|hola|buenas|buenos\s+dias|buen\s+dia|hi|hello|hey|good\s+(?:morning|afternoon|evening)|que\s+tal|que\s+onda|saludos|hiya|howdy|morning|evening|how'?s\s+it\s+going|how\s+are\s+you|como\s+(?:esta|estas|estan|andan|andas|va|le\s+va)|buenas\s+(?:tardes|noches)|feliz\s+(?:navidad|ano|dia|tarde|noche|fin\s+de\s+semana)|merry\s+christmas|happy\s+(?:new\s+year|holidays|thanksgiving))\b/,
  ],
  [
    'thanks',
    /\b(gracias|thanks|thank\s+you|appreciate|dios\s+le\s+pague|muy\s+amable|igualmente|you\s+too|emojipray|you'?re\s+welcome|de\s+nada|dios\s+(?:lo|la|le|los|las|te)\s+bendiga|god\s+bless|cheers|bendiciones|thank\s+u|thanx|mil\s+gracias)\b/,
  ],
  [
    'bye',
    /\b(ttyl|cya|adios|bye|hasta\s+luego|hasta\s+manana|chao|chau|see\s+ya|see\s+you|talk\s+to\s+you\s+later|nos\s+vemos|good\s+night|buenas\s+noches|cuidese|take\s+care|see\s+ya|later|have\s+a\s+(?:good|nice|great)\s+(?:one|day|night|weekend)|bonito\s+dia|buen\s+dia|que\s+descanse|tchau)\b/,
  ],
  [
    'insult',
    /\b(tonto\s+del\s+culo|tont[oa]s?|bob[oa]s|zoquete\w*|pendejete|pound\s+sand|kick\s+rocks|eat\s+(?:shit|dirt)|get\s+lost|pierdete|vete\s+a\s+la\s+(?:mierda|chingada|verga)|ghouls?|hounding|should\s+be\s+ashamed|deberian\s+tener\s+verguenza|atracador\w*|asaltantes?|bandid\w*|bandoler\w*|agiotistas?|vividor\w*|piratas?|hampones?|lowest\s+of\s+the\s+low|shame\s+on|verguenza|bottom\s+feeders?|low\s*lifes?|lowlifes?|cerdos|sanguijuelas?|hienas|mafios\w*|extorsion\w*|trash|garbage|pieces?\s+of\s+(?:shit|garbage|trash|crap)|hijos\s+de\s+su\s+madre|mal\s*nacid\w*|infelices|miserables|cretin\w*|tarad\w*|lacras?|ojala\s+(?:quiebren|se\s+mueran|se\s+pudran|revienten|se\s+funda\w*)|hope\s+(?:you|your\s+company)\s+(?:go\s+under|goes\s+under|rot|burn|die)|bobo|inutil\w*|dumbass\w*|jackass\w*|kiss\s+my\s+ass|bite\s+me|up\s+yours|get\s+bent|fck|fk\s+u|hijueput\w*|hp\w*|capull\w*|garcas?|ojetes?|mamones|chupoptero\w*|sinverguenz\w*|estafador\w*|delincuentes?|caraduras?|desgraciad\w*|que\s+los\s+pario|a\s+cagar|por\s+culo|parasites?|leeches|a\s+la\s+verga|cabrones|thieves|scumbags?|payas\w*|leeches?|bloodsuckers?|chupasangres?|usurer\w*|buitres?|crooks?|thie(?:f|ves)|liars?|scammers?|creeps?|clowns?|carajo|chorros?|inutiles|sapos|pesados\s+de|make\s+me\s+sick|drop\s+dead|disgusting|pathetic|verga|concha\s+de|panda\s+de|manga\s+de|bola\s+de|partida\s+de|f\s+off|f\s+yourself|piss\s+off|hp|pendej\w*|idiota\w*|estupid\w*|ratas?|gilipollas|boludo\w*|pelotudo\w*|hijos?\s+de\s+puta|hdp|chingu?\w*|mierda|fuck\w*|shit|sh\*t|stfu|screw\s+you|go\s+to\s+hell|losers?|vultures?|scum|escoria|lambon\w*|tranzas?|ladron\w*|ratero\w*|me\s+cago|jodan|joder|cabron\w*|malparid\w*|hp|gonorreas?|basura|imbecil\w*|putos?|pinches?|culer\w*|parasit\w*|bastard\w*|assholes?|jerks?|morons?|emojiangry|shut\s+up|de\s+quinta|sinverguenzas?|careverga|forros?|chantas?)\b/,
  ],
  [
    'threat',
    /\b(van\s+a\s+ver\s+quien\s+soy|vas\s+a\s+ver\s+quien\s+soy|you'?ll\s+see\s+who\s+i\s+am|se\s+las\s+(?:ven|van\s+a\s+ver)\s+conmigo|te\s+las\s+vas\s+a\s+ver|os\s+las\s+vais\s+a\s+ver|se\s+donde|vas\s+a\s+ver|te\s+vas\s+a\s+enterar|os\s+vais\s+a\s+enterar|se\s+van\s+a\s+enterar|regret|see\s+what\s+happens|cuidado\s+con|te\s+voy\s+a|les\s+voy\s+a\s+(?:denunciar|partir|romper)|i'?ll\s+(?:find|hurt|kill)|watch\s+your\s+back|me\s+las\s+vas\s+a\s+pagar)\b/,
  ],
  [
    'paid_past',
    /\b((?:me\s+)?(?:lo\s+|la\s+)?(?:cargaron|debitaron|descontaron)|se\s+debito|charged\s+my\s+card|came\s+out\s+of\s+my\s+account|auto-?pay|auto-?debit|domiciliad\w*|i'?m\s+current|up\s+to\s+date|se\s+(?:pago|liquido|cancelo|salde|saldo|desconto|cubrio)|(?:lo|la|los|las|ya)\s+(?:consigno|deposito|transfirio|abono|pago|mando|giro|liquido|cancelo)\s+(?:mi|su|el|la|ayer|desde|hace|todo)|fue\s+a\s+pagar|gire|lo\s+termine\s+de\s+pagar|me\s+puse\s+al\s+corriente|quedo\s+(?:pagado|saldado|liquidado|cancelado)|(?:mande|envie)\s+(?:el|la|los|las)\s+(?:dinero|plata|pago|deposito|transferencia|comprobante|soporte|cheque)|paid\s+up|all\s+paid|all\s+square|mailed\s+(?:a|the|my)\s+(?:check|payment)|sent\s+(?:the|a|my|you)\s+(?:check|payment|money)|went\s+out|posted|took\s+it\s+out|deducted|garnish\w*|written\s+off|satisfied|transferencia\s+hecha|pago\s+hecho|hecho\s+el\s+pago|acabo\s+de\s+(?:pagar|transferir|depositar)|ya\s+os\s+hice|ya\s+les\s+hice|ya\s+te\s+hice|ingrese|realice\s+el\s+pago|deje\s+(?:el\s+)?pago|deje\s+pagado|lo\s+deje\s+pagado|cumpli|libre\s+deuda|finiquito|took\s+care\s+of\s+(?:it|that)|(?:it'?s|its|it\s+is|that'?s|was|been)\s+(?:been\s+|already\s+)?(?:taken\s+care\s+of|handled)|already\s+(?:handled|sent|took)|esta\s+(?:pago|pagado|saldado|liquidado|cancelado)|is\s+settled|payment\s+cleared|ya\s+pag\w*|ya\s+lo\s+pag\w*|(?<!dios\s+(?:le|te|se\s+lo|os|les)\s)pague|pagamos\s+ya|pagado|liquide|lo\s+liquide|deposite|transferi|abone|consigne|cancele\s+(?:la|el|todo)|salde|paid|already\s+paid|made\s+the\s+payment|went\s+through|cleared|comprobante|ticket\s+de\s+pago|receipt|confirmation|al\s+dia|zero\s+balance|paz\s+y\s+salvo|acabo\s+de\s+pagar|hice\s+el\s+pago|hice\s+la\s+transferencia|settled|paid\s+off|was\s+paid|is\s+paid)\b/,
  ],
  [
    'future_pay',
    /\b(intends?\s+to\s+(?:remit|pay)|will\s+remit|pretende\s+pagar|(?:i\s+)?can\s+send|puedo\s+(?:mandar|enviar|depositar|transferir)|te\s+lo\s+giro|les\s+abono|les\s+consigno|le\s+consigno|quedo\s+al\s+corriente|lo\s+cubro|i\s+got\s+you|catch\s+up|os\s+lo\s+ingreso|os\s+pago|lo\s+liquido|i'?ll\s+(?:take\s+care|get\s+it|knock)|you'?ll\s+have\s+it|next\s+paycheck|cuando\s+cobre|apenas\s+(?:me\s+)?(?:salga|caiga|llegue|paguen)|en\s+cuanto\s+(?:me\s+)?(?:salga|caiga|llegue|paguen|cobre)|te\s+pago|les\s+pago|le\s+pago|os\s+pago|se\s+lo\s+pago|pagare|pagaria|voy\s+a\s+pagar|i'?ll\s+pay|will\s+pay|gonna\s+pay|going\s+to\s+pay|i\s+can\s+pay|can\s+do|paying|promise|prometo|te\s+deposito|les\s+deposito|le\s+consigno|les\s+transfiero|te\s+transfiero|paso\s+a\s+pagar|liquido|cuando\s+cobre|cuando\s+me\s+paguen|i\s+get\s+paid|gets\s+paid|payday|check\s+clears|will\s+send|ill\s+send|i'?ll\s+send|i'?ll\s+have)\b/,
  ],
  [
    'now',
    /\b(ahora|ahorita|ya\s+mismo|hoy\s+mismo|right\s+now|right\s+away|now|de\s+una\s+vez|de\s+una|today|ya)\b/,
  ],
  [
    'howpay',
    /\b(corresponsal(?:\s+bancario)?|que\s+convenio|convenio\s+(?:le\s+doy|pongo|doy)|numero\s+de\s+convenio|referencia\s+de\s+pago|que\s+pongo\s+en|payment\s+methods?|accepted\s+payments?|metodos?\s+de\s+pago|formas?\s+de\s+pago|medios?\s+de\s+pago|ready\s+to\s+pay|listo\s+para\s+pagar|list[oa]s?\s+para\s+pagar|mailing\s+address|by\s+check|money\s+order|cheque|fastest\s+way|card\s+(?:out|ready|in\s+hand)|what'?s\s+next|que\s+(?:sigue|hago\s+ahora)|where\s+(?:do\s+i\s+|should\s+i\s+)?send|direccion\s+para|cbu|cvu|alias|cajero|datos\s+bancarios|link\s+de\s+pago|invoice|payment\s+link|debit|debito|credito\s+card|transferir|a\s+que\s+numero|que\s+cuenta|link|enlace|referencia|clabe|iban|routing|oxxo|website|web|pagina|donde\s+(?:pago|deposito|lo\s+hago|los\s+deposito|consigno)|como\s+(?:pago|te\s+pago|le\s+pago|puedo\s+pagar|hago\s+para\s+pagar)|a\s+que\s+cuenta|numero\s+de\s+cuenta|account\s+number|zelle|venmo|cash\s*app|paypal|nequi|daviplata|mercado\s+pago|bizum|tarjeta|card|online|how\s+(?:do|can)\s+i\s+pay|where\s+do\s+i\s+pay|pay\s+by|pse|efecty|baloto|rapipago|pagofacil|seven|7\s*eleven)\b/,
  ],
  [
    'plan',
    /\b(paychecks|pay\s+periods|quincenas|part(?:amos|amoslo|amosla|irlo|irla|ir|ido)|divid(?:amos|amoslo|irlo|ir|ido)|moratoria|prorroga|periodo\s+de\s+gracia|grace\s+period|forbearance|deferment|deferral|layaway|(?:a|per|each|every)\s+paycheck|cada\s+(?:pago|cobro|que\s+cobre)|till\s+(?:it'?s|its)\s+(?:gone|paid)|until\s+(?:it'?s|its)\s+(?:gone|paid)|hasta\s+(?:terminar|liquidar|acabar|saldar)|poquito\s+a\s+poquito|de\s+a\s+poquito|en\s+abonos|cuotas?|plazos?|mensualidad\w*|parcialidad\w*|installments?|instalments?|arrangement|plan|convenio|acuerdo|refinanci\w*|reestructur\w*|fraccion\w*|aplaz\w*|facilidad\w*|over\s+time|monthly|per\s+month|a\s+month|a\s+week|al\s+mes|por\s+mes|a\s+la\s+semana|por\s+semana|cada\s+(?:mes|semana|quincena)|spread|split|break\s+it|poco\s+a\s+poco|de\s+a\s+poco|in\s+parts|en\s+partes|payments|pagos|abonos|every\s+(?:two\s+)?weeks?)\b/,
  ],
  [
    'discount',
    /\b(lowest|least|lo\s+menos|lo\s+minimo|minimo\s+que|deal|trato|precio|barat\w*|make\s+it\s+go\s+away|half|la\s+mitad|percent|por\s*ciento|perdon\w*|descuent\w*|one[-\s]time\s+payment|pago\s+unico|de\s+contado|descuento|quita|rebaja\w*|condon\w*|settle\w*|reduc\w*|lower|knock\s+(?:some\s+)?off|waive|take\s+off|lump\s+sum|payment\s+in\s+full|pay\s+in\s+full|call\s+it\s+even|quedar\s+a\s+mano|less|menos|saldar|cerrar\s+(?:la\s+)?(?:deuda|cuenta)|close\s+the\s+account|recargos|intereses|oferta|offer|ofrezco|lo\s+toman\s+o\s+lo\s+dejan|quitan|perdonan|wipe)\b/,
  ],
  [
    'hardship',
    /\b(pension|jubilacion|jubilad[oa]|retired|social\s+security|solo\s+entra|only\s+(?:income|money\s+coming\s+in)|ere|expediente\s+de\s+regulacion|cosecha|harvest|crops?|sequia|helada|drought|plaga|no\s+(?:facture|vendi|he\s+vendido|he\s+facturado)|(?:las\s+)?ventas\s+(?:bajaron|cayeron|estan\s+(?:flojas|muertas))|business\s+is\s+slow|no\s+sales|burn(?:ed|t)\s+down|fire|incendio|se\s+(?:me\s+)?quemo|flood\w*|hurricane|huracan|terremoto|sismo|tornado|shut\s+down|(?:nobody|no\s+one)\s+(?:is\s+|'?s\s+)?hiring|no\s+hay\s+trabajo|no\s+consigo\s+(?:trabajo|empleo)|can'?t\s+find\s+(?:a\s+)?(?:job|work)|pelad[oa]|varad[oa]|en\s+la\s+lona|ties[oa]|sin\s+blanca|apretad[oa]|paycheck\s+to\s+paycheck|tapped\s+out|scraping\s+by|food\s+stamps|fixed\s+income|re\s+sec[oa]|estoy\s+sec[oa]|en\s+la\s+mala|no\s+tengo\s+(?:ni\s+)?(?:un|una)\s+\w+|ni\s+un\s+quinto|ni\s+un\s+duro|no\s+me\s+llega|incapacita\w*|de\s+baja|between\s+jobs|on\s+unemployment|no\s+income|sin\s+ingresos|barely|rough\s+patch|se\s+me\s+quemo|perdimos\s+todo|quebr\w*|desemplead\w*|no\s+tengo\s+(?:trabajo|empleo|ingresos|chamba|laburo|curro)|sin\s+(?:trabajo|empleo|chamba|laburo|curro|dinero|plata|un\s+peso)|despidi\w*|despedid\w*|me\s+corrieron|paro|erte|enferm\w*|hospital\w*|cirugia|operacion|cancer|no\s+tengo\s+(?:dinero|plata|para|con\s+que|ni)|no\s+me\s+alcanza|no\s+llego|no\s+hay\s+(?:plata|dinero)|laid\s+off|lost\s+my\s+job|sick|surgery|medical|struggling|broke|unemployed|disability|hours\s+(?:got\s+)?cut|evicted|no\s+money|can'?t\s+afford|crisis|inundacion|perdi\s+todo|quede\s+en\s+la\s+calle|changas|no\s+paycheck|shutdown|out\s+of\s+work|tight|divorc\w*|accidente|accident|quiebra|quebrad\w*)\b/,
  ],
  [
    'dispute',
    /\b(desconoc\w*|acrediten|acreditar\s+la\s+titularidad|mistake\s+on\s+your\s+(?:end|part)|your\s+mistake|error\s+(?:suyo|vuestro|de\s+ustedes)|never\s+been\s+(?:to|there|a\s+(?:customer|client|patient))|nunca\s+(?:he\s+ido|fui|he\s+estado|estuve)\s+(?:a|en)|nunca\s+he\s+sido\s+(?:cliente|paciente)|estafa|suplant\w*|clonaron|hackeo|hackearon|prove|demuestr\w*|demostr\w*|desconozco|no\s+me\s+cuadra|made\s+up|scam|prescri\w*|statute\s+of\s+limitations|validat\w*|never\s+authorized|inflad\w*|no\s+lo\s+(?:saque|pedi|firme|contrate)\s+yo|en\s+mi\s+nombre|in\s+my\s+name|a\s+mi\s+nombre|my\s+social|no\s+corresponde|no\s+me\s+corresponde|don'?t\s+recognize|no\s+reconozco|recognize|no\s+es\s+mi[oa]?|no\s+debo|no\s+reconozco|error|equivocad\w*|wrong\s+amount|charged\s+twice|cobr\w*\s+de\s+mas|never\s+(?:had|opened|signed|took)|nunca\s+(?:he\s+sido|tuve|saque|pedi|firme|contrate)|no\s+(?:pedi|firme|saque|contrate)|fraud\w*|proof|prueba\w*|documentaci\w*|validation|papeles|pagare|contrato|no\s+tocan|indebid\w*|not\s+mine|not\s+my|isn'?t\s+mine|don'?t\s+owe|dispute|disputo|reclam\w*|de\s+donde\s+sale|what\s+debt|que\s+deuda|no\s+tengo\s+nada\s+que\s+ver|verificar|verify|original\s+creditor|way\s+less|only\s+owed)\b/,
  ],
  [
    'wrong',
    /\b(i'?m\s+[a-z]+,?\s+not\s+[a-z]+|soy\s+[a-z]+,?\s+no\s+[a-z]+|no\s+soy|no\s+conozco|equivocad\w*\s+de|wrong\s+(?:number|person)|not\s+me|this\s+is\s+not|this\s+isn'?t|never\s+heard\s+of|no\s+me\s+llamo|no\s+vive|no\s+idea\s+who|who\s+is\s+\w+\?|de\s+una\s+empresa|pifiaron|le\s+erraron|no\s+es\s+(?:mi|de)\s+\w+|mi\s+hermano|my\s+(?:brother|sister|son|daughter|ex)|changed\s+(?:my\s+)?number|cambie\s+de\s+numero)\b/,
  ],
  [
    'agent',
    /\b(actual\s+(?:employee|human|person)|real\s+(?:employee|human)|empleado\s+de\s+verdad|automated\s+(?:texts|messages)\s+(?:aren'?t|are\s+not|don'?t)|put\s+me\s+(?:thru|through)|transfer\s+me|connect\s+me|pas(?:a|e|en)me\s+(?:con|al|a\s+la|a)|persona\s+de\s+verdad|jefe\s+de\s+cartera|comuni(?:que|ca|quen)me\s+con|me\s+comunica\s+con|collections?\s+(?:dept|department)|departamento|con\s+quien\s+(?:puedo\s+hablar|me\s+comunico)|funcionari\w*|somebody|carne\s+y\s+hueso|live\s+agent|persona\s+real|actual\s+person|not\s+a\s+bot|no\s+(?:con\s+)?un\s+(?:robot|bot)|gestor\w*|asesor\w*|agente|persona|humano|alguien|representante|supervisor\w*|gerente|manager|someone|human|rep|representative|operator|operador\w*|ejecutiv\w*|encargad\w*|collector|real\s+person|speak\s+(?:to|with)|talk\s+(?:to|with)|hablar\s+con|comunicarme\s+con|pasame\s+con|on\s+the\s+line)\b/,
  ],
  [
    'pref',
    /\b(prefiero|prefer|mejor|instead|rather|only|solo\s+por|solamente|a\s+esta\s+hora|a\s+esa\s+hora|libre|disponible|available|reach\s+me|contact\s+me|contactame|escribeme|escribanme|escribime|marcame|marqueme|llamame|llamenme|call\s+me|text\s+me|email\s+me|whatsapp\s+me|phone\s+me|me\s+encontras|atender|best\s+time|better\s+for\s+me|after|before|despues\s+de|antes\s+de|a\s+partir\s+de|por\s+la\s+(?:manana|tarde|noche)|en\s+la\s+(?:manana|tarde|noche)|a\s+la\s+(?:manana|tarde|noche)|de\s+noche|(?<!good\s)(?:mornings?|afternoons?|evenings?)|at\s+night|work\s+days)\b/,
  ],
  [
    'info',
    /\b(what'?s\s+the\s+damage|how\s+bad\s+is\s+it|cuanto\s+(?:debo|es|seria|tengo|falta|me\s+falta)|saldo|monto|importe|balance|how\s+much|quien\s+(?:es|eres|son|sois|habla)|quienes\s+son|who\s+(?:is|are|is\s+this)|what\s+is\s+this|what'?s\s+this|de\s+que\s+se\s+trata|de\s+donde|credit\s+score|fecha\s+limite|estado\s+de\s+cuenta|detalle|payoff|minimum|minimo|intereses|que\s+empresa|what\s+company|how\s+did\s+you\s+get|de\s+que\s+es|what\s+(?:is|was)\s+(?:it|this)\s+for|adeudo|cuanto\s+es|total|valor)\b/,
  ],
  [
    'refuse',
    /\b(decidi\s+no\s+pagar|que\s+me\s+reporten|go\s+ahead\s+and\s+report\s+me|un\s+(?:euro|peso|duro|centavo|dolar|mango)\s+no\s+(?:veis|ven|vas\s+a\s+ver|van\s+a\s+ver|veran|vais\s+a\s+ver)|jamas\s+(?:les\s+|te\s+|le\s+|os\s+)?(?:voy\s+a\s+)?pag\w*|no\s+(?:ven|veran|van\s+a\s+ver|vais\s+a\s+ver|vas\s+a\s+ver)\s+(?:ni\s+)?(?:un|una)\s+(?:peso|centavo|duro|euro|dolar|mango|moneda|quinto|penny|dime)|(?:never|won'?t)\s+see\s+(?:a|one)\s+(?:dime|penny|cent|dollar)|no\s+garpo|ni\s+en\s+suenos|me\s+niego|paso\s+de\s+pagar|ni\s+un\s+(?:centavo|peso|duro|euro|mango)|not\s+a\s+(?:dime|penny|cent)|not\s+getting\s+anything|a\s+dime|a\s+penny|no\s+pago|yo\s+no\s+pago|no\s+les\s+pago|cobrenle\s+a\s+otro|que\s+me\s+embarguen|no\s+intention|not\s+payin\w*|no\s+voy\s+a\s+poner|no\s+(?:voy|vamos)\s+a\s+pagar|no\s+pienso\s+pagar|no\s+pagare|no\s+les\s+voy\s+a\s+pagar|not\s+paying|won'?t\s+pay|will\s+not\s+pay|refuse|sue\s+me|demand\w*|take\s+me\s+to\s+court|nunca\s+(?:les\s+)?(?:voy\s+a\s+)?pag\w*|olvid\w*\s+de\s+cobrar|forget\s+(?:it|about\s+it)|no\s+me\s+interesa|aint\s+paying|ain'?t\s+paying|rather\s+let\s+it|never\s+paying|not\s+going\s+to\s+pay|no\s+tengo\s+pensado|ni\s+un\s+peso\s+les|que\s+me\s+demanden|hagan\s+lo\s+que\s+quieran|do\s+what\s+you\s+want)\b/,
  ],
  [
    'autoreply',
    /\b(mensaje\s+automatico|respuesta\s+automatica|auto-?reply|automated\s+message|automatic\s+reply|out\s+of\s+(?:the\s+)?office|fuera\s+de\s+la\s+oficina|de\s+vacaciones\s+hasta|on\s+vacation\s+until|no\s+responda|do\s+not\s+reply|sent\s+from\s+my|enviado\s+desde\s+mi|your\s+(?:package|order|appointment|uber|ride|code)|su\s+pedido|tu\s+pedido|codigo\s+de\s+verificacion|verification\s+code)\b/,
  ],
  [
    'offtopic',
    /\b(ganaste|has\s+ganado|ganador|premio|sorteo|felicidades|enhorabuena|congrats|congratulations|you'?ve\s+won|you\s+have\s+won|gift\s+card|click\s+here|claim|reclam\w+\s+tu|bit\.ly|amor|babe|cariño|carino|mija|mijo\s+ya|dinner|cena|partido|game|wrong\s+chat|equivoque\s+de\s+chat|equivocado\s+de\s+chat|entenc|parleu|obrigad\w|tudo|bom\s+dia|merci|bonjour|ciao|hallo|danke|grazie|recipe|receta|weather|clima|pizza|tamales|empanadas|vendo|selling)\b/,
  ],
  [
    'laugh',
    /\b(emojilaugh|ja(?:ja)+|je(?:je)+|js(?:js)+|jj+|lol|lmao|xd(?:xd)*|ha(?:ha)+|hmm+|test|prueba\s+\d*)\b/,
  ],
  [
    'dead',
    /\b(probate|personal\s+representative|executor|executrix|albacea|sucesion|fallec\w*|muri\w*|murio|died|dead|passed\s+away|no\s+longer\s+with\s+us|ya\s+no\s+esta|buried|enterr\w*|herederos?|herencia|heirs?|estate|funeral|velorio|viud[oa]|widow\w*|q\s*e\s*p\s*d|difunt\w*|finad\w*)\b/,
  ],
  [
    'bankrupt',
    /\b(concursal|negociacion\s+de\s+deudas|quiebra\s+personal|bancarrota|concurso|insolven\w*|segunda\s+oportunidad|quiebra|bankrupt\w*|chapter|ch\s*7|ch\s*13|automatic\s+stay|trustee|sindico|administrador\s+concursal|discharge\w*|abogado|attorney|lawyer)\b/,
  ],
  [
    'stopword',
    /\b(dejen|dejad|deja|stop|quit|unsubscribe|baja|basta|no\s+me\s+(?:llamen|escriban|molesten|marquen)|leave\s+me\s+alone|en\s+paz|harass\w*|acos\w*|molest\w*|podrido|harto|harta|cansad[oa]\s+de)\b/,
  ],
  [
    'question',
    /\?|^(?:que|quien|cuanto|como|donde|cuando|por\s+que|what|who|how|where|when|why|is|are|can|could|do|does)\b/,
  ],
  ['negation', /\b(no|not|never|nunca|don'?t|can'?t|won'?t|ni|tampoco|jamas)\b/],
];

/**
 * A reply made only of yes (or no) words, fillers and punctuation ("ok, gracias", "nah I'm good"):
 * unlike the start-anchored `affirm`/`deny` cues it does not fire on "no debo nada" or "ya voy en camino".
 */
const yesNoFiller =
  "(?:lol|lmao|jaja|jajaja|haha|xd|que\\s+pena|que\\s+pena\\s+con\\s+usted|sorry|lo\\s+siento|disculpe|disculpa|llave|mi\\s+llave|parcero|manito|vieja|viejo|loco|amigo|amiga|mi\\s+amor|gracias|muchas|mil|thanks|thank\\s+you|please|por\\s+favor|porfa|senor|senora|senorita|sir|ma'?am|joven|amigo|hermano|bro|man|dude|entonces|pues|ps|then|igual|igualmente|i'?m\\s+good|estoy\\s+bien|che|carnal|wey|guey|parce|parcero|mijo|mija|mano|compa|tio|tia|jefe|jefa|don|dona|seno|pana|sumerce|buddy|fam|boss|chief|mate|por\\s+ahora|todavia|aun|yet|right\\s+now|at\\s+the\\s+moment|at\\s+this\\s+time|for\\s+now)";
function wholeReply(alternatives: string): RegExp {
  // At least one yes (no) word: "gracias" or "bro" alone is neither.
  return new RegExp(
    `^(?:${yesNoFiller}[\\s,.;:!]+)*(?:${alternatives})(?:[\\s,.;:!]+(?:${alternatives}|${yesNoFiller}))*[\\s,.;:!]*$`,
  );
}
const affirmWords =
  "como\\s+no|se|see|sisi|melo|melos|de\\s+diez|yo\\s+mero|el\\s+mismo|la\\s+misma|el\\s+mero|la\\s+mera|yeppers|yepper|yuh|yus|yeh|yah|yass|ya|fosho|fo\\s+sho|for\\s+sure|4\\s*sure|you\\s+got\\s+it|got\\s+it|gotcha|sure\\s+thing|okey\\s+dokey|okie\\s+dokie|oki\\s+doki|word|facts|say\\s+less|totally|indeed|yes\\s+ma'?am|yes\\s+sir|yes\\s+please|aight|ight|a'?ight|all\\s+good|copy|copy\\s+that|understood|noted|will\\s+do|perfect|great|awesome|sounds\\s+great|okei|simona|sisa|sipo|ajam|va\\s+pues|sale\\s+pues|claro\\s+que\\s+si|de\\s+una|hagamosle|listoco|bacano|chevere|conforme|ta\\s+bien|ta\\s+bueno|esta\\s+bueno|seguro|obvio|obviamente|exactamente|eso\\s+mismo|asi\\s+mismo|si\\s+senor|si\\s+senora|emojiok|va\\s+que\\s+va|100\\s*%|cien\\s+por\\s+ciento|aja|aha|mhm|uh\\s+huh|sep|sipi|si|sip|sii|ok|okay|okey|oki|okis|okie|okie\\s+dokie|vale|va|dale|claro|de\\s+acuerdo|orale|andale|sale|simon|sisas|sure|yes|yeah|yea|yep|yup|yess|yessir|alright|sounds\\s+good|that\\s+works|works\\s+for\\s+me|correcto|esta\\s+bien|perfecto|listo|k|kk|asi\\s+es|exacto|confirmo|afirmativo|por\\s+supuesto|of\\s+course|correct|right|bueno|obvio|deal|joya|venga|hecho|absolutely|definitely|agreed|for\\s+sure|hagale|cool|bet|10-4|roger|entendido|confirmado|me\\s+parece\\s+bien|quedamos\\s+asi|barbaro|genial|fine";
const denyWords =
  "ni\\s+por\\s+equivocacion|ni\\s+de\\s+vainas|ni\\s+por\\s+el\\s+putas|(?:gonna|going\\s+to|i'?ll|i\\s+will)\\s+pass(?:\\s+on\\s+(?:that|this|it))?|paso\\s+de\\s+eso|para\\s+nadita|nadita|nanay\\s+de\\s+la\\s+china|naranja|naranjas|minga|ni\\s+en\\s+joda|ni\\s+mucho\\s+menos|de\\s+ningun\\s+modo|ni\\s+de\\s+cona|nanai\\s+de\\s+la\\s+china|nanay|naur|nau|noh|no\\s+sir|no\\s+ma'?am|no\\s+senor|no\\s+senora|negative|nanai|ni\\s+a\\s+palos|ni\\s+de\\s+broma|ni\\s+hablar|nel\\s+pastel|no\\s+way\\s+jose|absolutely\\s+not|definitely\\s+not|certainly\\s+not|not\\s+today|no\\s+no|no\\s+creo|no\\s+lo\\s+creo|todavia\\s+no|aun\\s+no|not\\s+yet|no\\s+thank\\s+you|no\\s+thx|i'?ll\\s+pass|ni\\s+de\\s+chiste|ni\\s+de\\s+vaina|emojino|nay|no\\s+can\\s+do|(?:i'?d\\s+)?rather\\s+not|i\\s+don'?t\\s+think\\s+so|not\\s+at\\s+this\\s+time|jamas|nunca|no|noo|n|that'?s\\s+(?:incorrect|not\\s+right|wrong)|no\\s+es\\s+correcto|ni\\s+de\\s+(?:cona|fundas)|nop|nope|nel|nelson|naw|nah|naa|na|nuh\\s+uh|noup|nones|negativo|para\\s+nada|de\\s+ninguna\\s+manera|en\\s+absoluto|que\\s+va|tampoco|not\\s+really|no\\s+way|hard\\s+pass|pass|no\\s+thanks|no\\s+gracias|not\\s+interested|ni\\s+ahi|ni\\s+madres|ni\\s+loco|ni\\s+en\\s+pedo|claro\\s+que\\s+no|of\\s+course\\s+not|hell\\s+no|que\\s+no|no\\s+es\\s+asi|incorrect|wrong";
/**
 * Greetings, thanks, wishes and goodbyes ("quiubo", "nos vemos", "merry christmas", "ty!", "un abrazo 🤗"):
 * a reply made only of these is small talk however it is spelled, which a few hundred examples
 * cannot teach word by word. Greetings of the day are here too ("buen día" = good morning).
 */
const socialWords =
  "como\\s+(?:ha|has|han|habeis)\\s+estado|como\\s+(?:le|te|les)\\s+ha\\s+ido|como\\s+andamos|chaucito|chauchis|chaito|adiosito|besitos|besito|saluditos|abrazote|preciate\\s+(?:it|ya|you)|appreciate\\s+(?:ya|you)|emojiwave|emojipray|holi|holis|hola|ola|alo|aloha|hello|hello+|hi|hii|hey|heya|hiya|howdy|sup|wassup|what'?s\\s+up|whats\\s+good|yo|buenas|buenas\\s+(?:tardes|noches)|buenos\\s+dias|buen\\s+dia|buen\\s+dia\\s+para\\s+todos|good\\s+(?:morning|afternoon|evening|night|day)|morning|evening|que\\s+tal|que\\s+onda|quiubo|quihubo|que\\s+hubo|que\\s+mas|que\\s+hay|que\\s+cuentas|que\\s+dice|epa|epale|wena|wenas|como\\s+(?:esta|estas|estan|estais|andas|andan|anda|va|vas|le\\s+va|te\\s+va)|how\\s+(?:are\\s+you|are\\s+ya|r\\s+you|you\\s+doing|ya\\s+doing|is\\s+it\\s+going)|how'?s\\s+it\\s+going|todo\\s+bien|bien\\s+y\\s+(?:tu|usted|vos|ustedes)|gracias|muchas\\s+gracias|mil\\s+gracias|muchisimas\\s+gracias|thanks|thank\\s+you|thanks\\s+a\\s+lot|many\\s+thanks|tysm|appreciate\\s+it|much\\s+appreciated|igualmente|you\\s+too|same\\s+to\\s+you|likewise|de\\s+nada|no\\s+problem|np|bye|bye\\s+bye|goodbye|adios|chao|chau|ciao|nos\\s+vemos|nos\\s+hablamos|hasta\\s+luego|hasta\\s+pronto|hasta\\s+la\\s+proxima|see\\s+ya|see\\s+you|later|laters|ttyl|cya|take\\s+care|cuidate|cuidese|cuidense|bendiciones|bendecido\\s+dia|dios\\s+(?:lo|la|le|los|las|te)\\s+bendiga|god\\s+bless|bless\\s+you|feliz\\s+(?:navidad|ano|ano\\s+nuevo|dia|tarde|noche|fin\\s+de\\s+semana|finde|semana)|felices\\s+fiestas|buen\\s+(?:finde|fin\\s+de\\s+semana|provecho)|merry\\s+christmas|merry\\s+xmas|happy\\s+(?:holidays|new\\s+year|thanksgiving|friday|monday)|have\\s+a\\s+(?:good|nice|great|blessed)\\s+(?:one|day|night|weekend|evening)|un\\s+abrazo|abrazo|abrazos|besos|un\\s+saludo|saludos|saludos\\s+cordiales|cheers|peace|paz";
const wholeAffirm = wholeReply(affirmWords);
const wholeDeny = wholeReply(denyWords);
const wholeSocial = wholeReply(socialWords);
const wholeCues: ReadonlyArray<[string, RegExp]> = [
  ['social_all', wholeSocial],
  // A concrete when / how much: hardship or a plan with a date and an amount is a promise (labelling conventions).
  [
    'when',
    /\b(?:(?:antes\s+de|para|before|by)\s+(?:navidad|christmas|ano\s+nuevo|new\s+year'?s?|thanksgiving|reyes|semana\s+santa)|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)|lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|pasado\s+manana|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tmrw|fin\s+de\s+mes|end\s+of\s+(?:the\s+)?(?:month|week)|quincena|semana\s+que\s+viene|proxima\s+semana|next\s+week|el\s+(?:dia\s+)?\d{1,2}\b|the\s+\d{1,2}(?:st|nd|rd|th)|on\s+the\s+\d|payday|weekend|finde)\b/,
  ],
  ['pct', /\d\s*%/],
  [
    'money',
    /[$€]\s*\d|\d\s*(?:[$€]|pesos|euros|dolares|dollars|bucks|lucas|mil\b|k\b|usd|mxn|cop|ars)|\b(?:pesos|euros|dolares|dollars|bucks|lucas|pavos)\b/,
  ],
  ['affirm_all', wholeAffirm],
  ['deny_all', wholeDeny],
];

/**
 * The intent of a reply made only of yes, no or social words (with fillers), if it is one: the
 * decision layer uses it where the classifier would answer `unknown`.
 *
 * @example
 * wholeReplyIntent('yeppers!') // → 'affirm'
 * wholeReplyIntent('yep, paid it') // → undefined
 */
export function wholeReplyIntent(text: string): 'affirm' | 'deny' | 'smalltalk' | undefined {
  const folded = foldText(text);
  const affirm = wholeAffirm.test(folded);
  const deny = wholeDeny.test(folded);
  const social = wholeSocial.test(folded);
  // "ok gracias" is affirm and social: the yes word decides; "sí, no sé" is neither.
  if (affirm && deny) return undefined;
  if (affirm) return 'affirm';
  if (deny) return 'deny';
  return social ? 'smalltalk' : undefined;
}

/** Names of the cues present in a folded text. */
export function lexiconCues(folded: string): string[] {
  const out: string[] = [];
  for (const [name, re] of lexicon) if (re.test(folded)) out.push(name);
  for (const [name, re] of wholeCues) if (re.test(folded)) out.push(name);
  return out;
}
