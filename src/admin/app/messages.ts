/** The web app's words in the newsroom's two languages; keys are the same in both. */
const en = {
  skipToContent: 'Skip to content',
  signInTitle: 'Sign in to the newsroom',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  loading: 'Loading…',
  dashboard: 'Dashboard',
  mainNavigation: 'Newsroom',
  signedInAs: 'Signed in as {name} ({role})',
  myDrafts: 'My drafts',
  noDrafts: 'You have no drafts.',
  scheduled: 'Scheduled',
  noScheduled: 'Nothing is scheduled.',
  recentlyPublished: 'Recently published',
  noPublished: 'Nothing has been published yet.',
  edited: 'Edited {time}',
  goesLive: 'Goes live {time}',
  published: 'Published {time}',
  untitled: 'Untitled',
  'error.UNAUTHENTICATED': 'The email or password is wrong.',
  'error.RATE_LIMITED': 'Too many sign-in attempts. Wait a minute and try again.',
  'error.VALIDATION_FAILED': 'Enter your email address and your password.',
  'error.OFFLINE': 'Gaceta cannot be reached. Check your connection and try again.',
  'error.SESSION_ENDED': 'Your session has ended. Sign in again.',
  'error.other': 'Something went wrong ({code}). Try again.',
  'role.contributor': 'contributor',
  'role.author': 'author',
  'role.editor': 'editor',
  'role.admin': 'admin',
};

export type MessageKey = keyof typeof en;

const es: Record<MessageKey, string> = {
  skipToContent: 'Ir al contenido',
  signInTitle: 'Entra a la redacción',
  email: 'Correo electrónico',
  password: 'Contraseña',
  signIn: 'Entrar',
  signingIn: 'Entrando…',
  signOut: 'Salir',
  loading: 'Cargando…',
  dashboard: 'Inicio',
  mainNavigation: 'Redacción',
  signedInAs: 'Sesión de {name} ({role})',
  myDrafts: 'Mis borradores',
  noDrafts: 'No tienes borradores.',
  scheduled: 'Programadas',
  noScheduled: 'No hay nada programado.',
  recentlyPublished: 'Publicadas hace poco',
  noPublished: 'Todavía no se ha publicado nada.',
  edited: 'Editado {time}',
  goesLive: 'Se publica {time}',
  published: 'Publicado {time}',
  untitled: 'Sin título',
  'error.UNAUTHENTICATED': 'El correo o la contraseña no son correctos.',
  'error.RATE_LIMITED': 'Demasiados intentos de entrar. Espera un minuto y vuelve a intentarlo.',
  'error.VALIDATION_FAILED': 'Escribe tu correo electrónico y tu contraseña.',
  'error.OFFLINE': 'No se puede conectar con Gaceta. Revisa tu conexión y vuelve a intentarlo.',
  'error.SESSION_ENDED': 'Tu sesión terminó. Vuelve a entrar.',
  'error.other': 'Algo salió mal ({code}). Vuelve a intentarlo.',
  'role.contributor': 'colaborador',
  'role.author': 'autor',
  'role.editor': 'editor',
  'role.admin': 'administrador',
};

export type Locale = 'en' | 'es';
export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/** A translator for one language: `{name}` placeholders are filled from `values`. */
export function translator(locale: Locale): Translate {
  const messages = locale === 'es' ? es : en;
  return (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

/** The message for an API error code, or a general one naming the code. */
export function errorMessage(t: Translate, code: string): string {
  const key = `error.${code}`;
  return key in en ? t(key as MessageKey) : t('error.other', { code });
}
