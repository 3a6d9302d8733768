import type { ArticleDocument } from '../../../content/document.ts';
import { type TkPlace, tkPlaces } from '../../../editor/tk.ts';
import type { EditableArticle } from '../article/article-api.ts';
import type { Translate } from '../messages.ts';

/** Where the saved article still holds TK, with the server's own rule (src/editor/tk.ts). */
export function articleTk(article: EditableArticle): TkPlace[] {
  return tkPlaces(
    {
      headline: article.headline,
      dek: article.dek ?? '',
      dateline: article.dateline ?? '',
      attribution: article.attribution ?? '',
      featureImageAlt: article.featureImage?.alt ?? '',
      featureImageCaption: article.featureImage?.caption ?? '',
      featureImageCredit: article.featureImage?.credit ?? '',
      seoTitle: article.seoTitle ?? '',
      seoDescription: article.seoDescription ?? '',
      socialTitle: article.socialTitle ?? '',
      socialDescription: article.socialDescription ?? '',
    },
    article.body as ArticleDocument,
  );
}

const FIELD_KEYS = {
  headline: 'panel.tk.headline',
  dek: 'panel.tk.dek',
  dateline: 'panel.tk.dateline',
  attribution: 'panel.tk.attribution',
  featureImageAlt: 'panel.tk.featureImage',
  featureImageCaption: 'panel.tk.featureImage',
  featureImageCredit: 'panel.tk.featureImage',
  seoTitle: 'panel.tk.search',
  seoDescription: 'panel.tk.search',
  socialTitle: 'panel.tk.social',
  socialDescription: 'panel.tk.social',
} as const;

/** "the headline, paragraph 3 of the text", in the staff member's language. */
export function tkWhere(t: Translate, places: readonly TkPlace[]): string {
  const names = places.map((place) =>
    place.block !== undefined
      ? t('panel.tk.block', { number: String(place.block + 1) })
      : t(FIELD_KEYS[place.field as keyof typeof FIELD_KEYS] ?? 'panel.tk.other'),
  );
  return [...new Set(names)].join(', ');
}
