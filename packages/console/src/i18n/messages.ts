/**
 * Every text of the console, in English and Spanish. `{name}` marks a value filled in by `t()`;
 * both languages use the same placeholders (messages.test.ts checks it).
 */
const en = {
  'app.title': 'Saldo console',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'app.unreachable': 'Saldo could not be reached. Check your connection and try again.',
  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.audit': 'Audit trail',
  'lang.label': 'Language',
  'session.as': 'Signed in as {role}',
  'session.signOut': 'Sign out',
  'session.ended': 'Your session has ended. Sign in again.',
  'session.signedOut': 'You are signed out.',

  'role.admin': 'administrator',
  'role.strategist': 'strategist',
  'role.agent': 'agent',
  'role.compliance': 'compliance officer',

  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in with the email and password of your Saldo user.',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.organization': 'Organisation (optional)',
  'signIn.organizationHint':
    'Its short name (slug), only needed when the same email and password open several organisations.',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.wrong': 'Wrong email or password.',
  'signIn.throttled': 'Too many attempts. Try again in {minutes} minutes, at {time}.',
  'signIn.throttledSeconds': 'Too many attempts. Try again in {seconds} seconds.',
  'signIn.locked': 'This account is locked after too many failed attempts. An administrator can unlock it.',
  'signIn.needsOrganization':
    'This email and password open several organisations: enter the organisation you want.',
  'signIn.badOrganization':
    'The organisation is its short name: lower-case letters, digits and hyphens (for example acme-collections).',
  'signIn.refused': 'Saldo refused the sign-in: {detail}',

  'home.title': 'Console',
  'home.intro': 'What you can open as {role}:',
  'home.nothing': 'No view of the console is for your role yet. The API serves everything else.',
  'home.audit': 'who changed what, and whether the record of it is intact',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address.',

  'audit.title': 'Audit trail',
  'audit.intro':
    'Every change made by a person or an API key, oldest first. Each entry carries the fingerprint (hash) of the one before it, so an edited or deleted entry shows when the chain is verified.',
  'audit.notAllowed':
    'Your role ({role}) may not read the audit trail. Administrators and compliance officers can.',
  'audit.filters': 'Filter entries',
  'audit.action': 'Action',
  'audit.actionHint': 'The exact action, for example POST /v1/users.',
  'audit.actor': 'Actor',
  'audit.actorHint': 'The user, API key or command-line user id.',
  'audit.applyFilters': 'Apply filters',
  'audit.clearFilters': 'Clear filters',
  'audit.caption': 'Entries {first} to {last}, oldest first',
  'audit.captionFiltered': 'Entries {first} to {last} matching the filters, oldest first',
  'audit.empty': 'No entries match.',
  'audit.col.seq': 'No.',
  'audit.col.time': 'Time',
  'audit.col.actor': 'Actor',
  'audit.col.role': 'Role',
  'audit.col.action': 'Action',
  'audit.col.target': 'Target',
  'audit.col.outcome': 'Outcome',
  'audit.col.request': 'Request',
  'audit.viewRequest': 'View',
  'audit.viewRequestOf': 'View the request recorded with entry {seq}',
  'audit.firstPage': 'First page',
  'audit.nextPage': 'Next page',
  'audit.pages': 'Pages',
  'audit.loadFailed': 'The audit trail could not be loaded: {detail}',

  'actor.api_key': 'API key',
  'actor.session': 'user',
  'actor.cli': 'command line',
  'actor.system': 'system',
  'outcome.requested': 'requested',
  'outcome.completed': 'completed ({status})',
  'outcome.failed': 'failed ({status})',

  'request.title': 'Request recorded with entry {seq}',
  'request.explain':
    'What was asked, as recorded and hashed: canonical JSON (keys sorted; secrets and personal data left out), indented for reading.',
  'request.close': 'Close',

  'verify.title': 'Verify the chain',
  'verify.explain':
    'Saldo recomputes every entry’s hash from its fields and checks that each one carries the hash of the one before it.',
  'verify.button': 'Verify the chain',
  'verify.running': 'Verifying…',
  'verify.intact': 'Chain intact up to entry {seq}, head {hash}.',
  'verify.empty': 'No entries yet: there is nothing to verify.',
  'verify.brokenOne': 'The chain is broken: 1 problem found.',
  'verify.broken': 'The chain is broken: {count} problems found.',
  'verify.caption': 'Problems found in the chain',
  'verify.col.seq': 'Entry',
  'verify.col.problem': 'Problem',
  'verify.col.meaning': 'What it means',
  'verify.failed': 'The chain could not be verified: {detail}',

  'problem.edited': 'Entry {seq} was edited: its recorded fields no longer give its hash.',
  'problem.missing':
    'Entries are missing before entry {seq}: the next number expected was {expectedSeq}, so entries were deleted.',
  'problem.relinked':
    'Entry {seq} does not carry the hash of the entry before it: an earlier entry was replaced.',
  'problem.truncated':
    'The chain ends at entry {seq}, but its recorded head is entry {headSeq}: entries at the end were deleted.',
  'problem.diverged':
    'Entry {seq} was anchored outside the database on {anchoredAt}, and no longer has the anchored hash or is gone: the chain was rewritten or cut back from there or before.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

const es: Catalogue = {
  'app.title': 'Consola de Saldo',
  'app.skip': 'Saltar al contenido',
  'app.loading': 'Cargando…',
  'app.unreachable': 'No se pudo conectar con Saldo. Compruebe la conexión e inténtelo de nuevo.',
  'nav.label': 'Principal',
  'nav.home': 'Inicio',
  'nav.audit': 'Registro de auditoría',
  'lang.label': 'Idioma',
  'session.as': 'Sesión iniciada como {role}',
  'session.signOut': 'Cerrar sesión',
  'session.ended': 'Su sesión ha terminado. Inicie sesión de nuevo.',
  'session.signedOut': 'Ha cerrado la sesión.',

  'role.admin': 'administrador',
  'role.strategist': 'estratega',
  'role.agent': 'agente',
  'role.compliance': 'responsable de cumplimiento',

  'signIn.title': 'Iniciar sesión',
  'signIn.intro': 'Inicie sesión con el correo y la contraseña de su usuario de Saldo.',
  'signIn.email': 'Correo electrónico',
  'signIn.password': 'Contraseña',
  'signIn.organization': 'Organización (opcional)',
  'signIn.organizationHint':
    'Su nombre corto (slug); solo hace falta cuando el mismo correo y contraseña abren varias organizaciones.',
  'signIn.submit': 'Iniciar sesión',
  'signIn.submitting': 'Iniciando sesión…',
  'signIn.wrong': 'Correo o contraseña incorrectos.',
  'signIn.throttled': 'Demasiados intentos. Vuelva a intentarlo dentro de {minutes} minutos, a las {time}.',
  'signIn.throttledSeconds': 'Demasiados intentos. Vuelva a intentarlo dentro de {seconds} segundos.',
  'signIn.locked':
    'Esta cuenta está bloqueada tras demasiados intentos fallidos. Un administrador puede desbloquearla.',
  'signIn.needsOrganization':
    'Este correo y contraseña abren varias organizaciones: indique a cuál quiere entrar.',
  'signIn.badOrganization':
    'La organización es su nombre corto: minúsculas, cifras y guiones (por ejemplo cobros-acme).',
  'signIn.refused': 'Saldo rechazó el inicio de sesión: {detail}',

  'home.title': 'Consola',
  'home.intro': 'Lo que puede abrir como {role}:',
  'home.nothing': 'Todavía no hay ninguna vista de la consola para su rol. La API ofrece todo lo demás.',
  'home.audit': 'quién cambió qué, y si su registro está intacto',

  'notFound.title': 'Página no encontrada',
  'notFound.body': 'No hay ninguna página en esta dirección.',

  'audit.title': 'Registro de auditoría',
  'audit.intro':
    'Cada cambio hecho por una persona o una clave de API, del más antiguo al más reciente. Cada entrada lleva la huella (hash) de la anterior, así que una entrada editada o borrada se ve al verificar la cadena.',
  'audit.notAllowed':
    'Su rol ({role}) no puede leer el registro de auditoría. Pueden hacerlo los administradores y los responsables de cumplimiento.',
  'audit.filters': 'Filtrar entradas',
  'audit.action': 'Acción',
  'audit.actionHint': 'La acción exacta, por ejemplo POST /v1/users.',
  'audit.actor': 'Autor',
  'audit.actorHint': 'El id del usuario, de la clave de API o del usuario de la línea de comandos.',
  'audit.applyFilters': 'Aplicar filtros',
  'audit.clearFilters': 'Quitar filtros',
  'audit.caption': 'Entradas {first} a {last}, de la más antigua a la más reciente',
  'audit.captionFiltered':
    'Entradas {first} a {last} que cumplen los filtros, de la más antigua a la más reciente',
  'audit.empty': 'Ninguna entrada coincide.',
  'audit.col.seq': 'N.º',
  'audit.col.time': 'Hora',
  'audit.col.actor': 'Autor',
  'audit.col.role': 'Rol',
  'audit.col.action': 'Acción',
  'audit.col.target': 'Objeto',
  'audit.col.outcome': 'Resultado',
  'audit.col.request': 'Petición',
  'audit.viewRequest': 'Ver',
  'audit.viewRequestOf': 'Ver la petición registrada con la entrada {seq}',
  'audit.firstPage': 'Primera página',
  'audit.nextPage': 'Página siguiente',
  'audit.pages': 'Páginas',
  'audit.loadFailed': 'No se pudo cargar el registro de auditoría: {detail}',

  'actor.api_key': 'clave de API',
  'actor.session': 'usuario',
  'actor.cli': 'línea de comandos',
  'actor.system': 'sistema',
  'outcome.requested': 'solicitado',
  'outcome.completed': 'completado ({status})',
  'outcome.failed': 'fallido ({status})',

  'request.title': 'Petición registrada con la entrada {seq}',
  'request.explain':
    'Lo que se pidió, tal como se registró y se calculó su hash: JSON canónico (claves ordenadas; sin secretos ni datos personales), sangrado para leerlo.',
  'request.close': 'Cerrar',

  'verify.title': 'Verificar la cadena',
  'verify.explain':
    'Saldo recalcula el hash de cada entrada a partir de sus campos y comprueba que cada una lleva el hash de la anterior.',
  'verify.button': 'Verificar la cadena',
  'verify.running': 'Verificando…',
  'verify.intact': 'Cadena intacta hasta la entrada {seq}, cabeza {hash}.',
  'verify.empty': 'Todavía no hay entradas: no hay nada que verificar.',
  'verify.brokenOne': 'La cadena está rota: 1 problema encontrado.',
  'verify.broken': 'La cadena está rota: {count} problemas encontrados.',
  'verify.caption': 'Problemas encontrados en la cadena',
  'verify.col.seq': 'Entrada',
  'verify.col.problem': 'Problema',
  'verify.col.meaning': 'Qué significa',
  'verify.failed': 'No se pudo verificar la cadena: {detail}',

  'problem.edited': 'La entrada {seq} fue editada: sus campos registrados ya no dan su hash.',
  'problem.missing':
    'Faltan entradas antes de la entrada {seq}: se esperaba el número {expectedSeq}, así que se borraron entradas.',
  'problem.relinked':
    'La entrada {seq} no lleva el hash de la entrada anterior: se sustituyó una entrada anterior.',
  'problem.truncated':
    'La cadena termina en la entrada {seq}, pero su cabeza registrada es la entrada {headSeq}: se borraron entradas del final.',
  'problem.diverged':
    'La entrada {seq} se ancló fuera de la base de datos el {anchoredAt}, y ya no tiene el hash anclado o ya no existe: la cadena se reescribió o se recortó desde ahí o antes.',
};

export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];

export const catalogues: Record<Language, Catalogue> = { en, es };

/** Each language's own name, shown in the switch in that language. */
export const languageNames: Record<Language, string> = { es: 'Español', en: 'English' };
