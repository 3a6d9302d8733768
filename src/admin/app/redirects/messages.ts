import { defineMessages } from '../define-messages.ts';

export const redirectsMessages = defineMessages(
  {
    'redirects.title': 'Redirects',
    'redirects.intro':
      'A redirect sends readers (and search engines) from an old address on the site to a new one, permanently (301). Gaceta adds one by itself when a published story, section, tag or author changes address.',
    'redirects.new': 'New redirect',
    'redirects.from': 'From',
    'redirects.fromHint': 'The old path, starting with /, such as /2019/old-story.',
    'redirects.to': 'To',
    'redirects.toHint': 'Where it goes now, starting with /.',
    'redirects.add': 'Add the redirect',
    'redirects.added': '{from} now redirects to {to}.',
    'redirects.delete': 'Delete',
    'redirects.deleteTitle': 'Delete the redirect from {from}?',
    'redirects.deleteBody': 'Readers who follow an old link to {from} will find nothing there.',
    'redirects.deleted': 'The redirect from {from} was deleted.',
    'redirects.empty': 'No redirects yet.',
    'redirects.filter': 'Find by path',
    'redirects.field.fromPath':
      'Write a path on this site that starts with a single /, such as /old/address (no spaces, ? or #).',
    'redirects.field.fromPath.CONFLICT': 'This path already redirects: delete that redirect first.',
    'redirects.field.toPath': 'Write a different path on this site that starts with a single /, such as /new/address.',
  },
  {
    'redirects.title': 'Redirecciones',
    'redirects.intro':
      'Una redirección lleva a los lectores (y a los buscadores) de una dirección antigua del sitio a una nueva, para siempre (301). Gaceta añade una por su cuenta cuando una nota publicada, una sección, un tema o un autor cambia de dirección.',
    'redirects.new': 'Nueva redirección',
    'redirects.from': 'Desde',
    'redirects.fromHint': 'La ruta antigua, empezando por /, como /2019/nota-antigua.',
    'redirects.to': 'Hacia',
    'redirects.toHint': 'Adónde lleva ahora, empezando por /.',
    'redirects.add': 'Añadir la redirección',
    'redirects.added': '{from} ahora redirige a {to}.',
    'redirects.delete': 'Borrar',
    'redirects.deleteTitle': '¿Borrar la redirección desde {from}?',
    'redirects.deleteBody': 'Quien siga un enlace antiguo a {from} no encontrará nada allí.',
    'redirects.deleted': 'Se borró la redirección desde {from}.',
    'redirects.empty': 'Todavía no hay redirecciones.',
    'redirects.filter': 'Buscar por ruta',
    'redirects.field.fromPath':
      'Escribe una ruta de este sitio que empiece por una sola /, como /direccion/antigua (sin espacios, ? ni #).',
    'redirects.field.fromPath.CONFLICT': 'Esta ruta ya redirige: borra antes esa redirección.',
    'redirects.field.toPath':
      'Escribe una ruta distinta de este sitio que empiece por una sola /, como /direccion/nueva.',
  },
);
