import { defineMessages } from '../define-messages.ts';

/** The article editor screen's words. */
export const articleMessages = defineMessages(
  {
    'article.new': 'New article',
    'article.edit': 'Edit article',
    'article.headline': 'Headline',
    'article.text': 'Article text',
    'article.save': 'Save',
    'article.actions': 'Article',
    'article.state.saved': 'Saved',
    'article.state.unsaved': 'Changes not saved yet',
    'article.state.saving': 'Saving…',
    'article.state.offline': 'Not saved: offline — kept on this device. Saving resumes when Gaceta can be reached.',
    'article.state.needsHeadline':
      'Not saved yet: write a headline to save this article. Your text is kept on this device.',
    'article.state.refused': 'Not saved: {reason} Your text is kept on this device.',
    'article.copyFound': 'This device kept a copy of this article from {time} that differs from the saved one.',
    'article.copyFoundNew': 'This device kept a copy of an article you had not saved yet, from {time}.',
    'article.copyTitle': 'Unsaved copy found',
    'article.copySettings': 'It also holds changes to the article’s settings, restored with the text.',
    'article.restore': 'Restore my copy',
    'article.discard': 'Discard it',
    'article.notFound': 'There is no article with this address.',
  },
  {
    'article.new': 'Nuevo artículo',
    'article.edit': 'Editar artículo',
    'article.headline': 'Titular',
    'article.text': 'Texto del artículo',
    'article.save': 'Guardar',
    'article.actions': 'Artículo',
    'article.state.saved': 'Guardado',
    'article.state.unsaved': 'Cambios aún sin guardar',
    'article.state.saving': 'Guardando…',
    'article.state.offline':
      'Sin guardar: sin conexión — se conserva en este dispositivo. Se guardará cuando Gaceta vuelva a estar disponible.',
    'article.state.needsHeadline':
      'Aún sin guardar: escribe un titular para guardar este artículo. Tu texto se conserva en este dispositivo.',
    'article.state.refused': 'Sin guardar: {reason} Tu texto se conserva en este dispositivo.',
    'article.copyFound': 'Este dispositivo conservó una copia de este artículo del {time} distinta de la guardada.',
    'article.copyFoundNew':
      'Este dispositivo conservó una copia de un artículo que aún no habías guardado, del {time}.',
    'article.copyTitle': 'Copia sin guardar encontrada',
    'article.copySettings': 'También guarda cambios en los ajustes del artículo, que se recuperan con el texto.',
    'article.restore': 'Recuperar mi copia',
    'article.discard': 'Descartarla',
    'article.notFound': 'No hay ningún artículo con esta dirección.',
  },
);
