import { defineMessages } from '../define-messages.ts';

export const dashboardMessages = defineMessages(
  {
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
  },
  {
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
  },
);
