import { api } from '../api.ts';
import type { EditableArticle } from '../article/article-api.ts';

const path = (id: string, action: string) => `/articles/${encodeURIComponent(id)}/${action}`;
const version = (article: EditableArticle) => (article.version === undefined ? {} : { baseVersion: article.version });

/** Publishes now, or schedules when `publishAt` (ISO 8601, UTC) is in the future. */
export const publish = (article: EditableArticle, publishAt?: string) =>
  api<EditableArticle>('POST', path(article.id, 'publish'), {
    ...version(article),
    ...(publishAt ? { publishAt } : {}),
  });
export const unpublish = (article: EditableArticle) =>
  api<EditableArticle>('POST', path(article.id, 'unpublish'), version(article));
export const submitForEdit = (article: EditableArticle) =>
  api<EditableArticle>('POST', path(article.id, 'submit'), version(article));
export const sendBack = (article: EditableArticle, note: string) =>
  api<EditableArticle>('POST', path(article.id, 'return'), { ...version(article), ...(note ? { note } : {}) });

export interface Correction {
  id: string;
  kind: 'correction' | 'clarification';
  body: string;
  publishedAt: string;
}
export const addCorrection = (article: EditableArticle, kind: Correction['kind'], body: string) =>
  api<Correction>('POST', path(article.id, 'corrections'), { kind, body });
export const listCorrections = (article: EditableArticle) =>
  api<{ corrections: Correction[] }>('GET', path(article.id, 'corrections')).then((answer) => answer.corrections);
