import { api, type ArticleSummary } from '../api.ts';
import { uploadImageFile, type UploadTerms } from '../media/upload.ts';
import type { Translate } from '../messages.ts';

/** An uploaded image as the editor shows it (the admin API's image answer). */
export interface ImageInfo {
  id: string;
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** What a related-story card shows of the story it points to. */
export interface CardInfo {
  id: string;
  headline: string;
  dek: string;
  status: string;
}

/** The server's answer for an embed URL: the embed node's HTML and how readers will see it. */
export interface EmbedInfo {
  html: string;
  provider: string;
  /** The reader site's own rendering (the click-to-load facade), for the editor to show. */
  preview: string;
}

/**
 * Everything the editor asks of the newsroom beyond the text: images, stories, embeds. One object,
 * so a test or another screen (static pages) can hand the editor its own.
 */
export interface EditorServices {
  t: Translate;
  image(id: string): Promise<ImageInfo>;
  /** Uploads a pasted or dropped image; rejects with a message that says why, ready to show. */
  uploadImage(file: File, onProgress: (fraction: number) => void): Promise<ImageInfo>;
  searchPublished(words: string): Promise<ArticleSummary[]>;
  card(articleId: string): Promise<CardInfo>;
  embedFromUrl(url: string): Promise<EmbedInfo>;
  embedPreview(html: string): Promise<EmbedInfo>;
}

/** Remembers answers by key for as long as the screen lives; a failed answer is asked again next time. */
function cached<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const answers = new Map<string, Promise<T>>();
  return (key) => {
    let answer = answers.get(key);
    if (!answer) {
      answer = load(key);
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
}

/** The editor's services over the admin API, in the app's words (pass useApp()). */
export function apiServices(app: UploadTerms): EditorServices {
  const image = cached((id) => api<ImageInfo>('GET', `/media/images/${encodeURIComponent(id)}`));
  return {
    t: app.t,
    image,
    uploadImage: (file, onProgress) => uploadImageFile(file, app, onProgress),
    searchPublished: (words) =>
      api<{ articles: ArticleSummary[] }>(
        'GET',
        `/articles?status=published&limit=10&q=${encodeURIComponent(words)}`,
      ).then((answer) => answer.articles),
    card: cached((id) => api<CardInfo>('GET', `/articles/${encodeURIComponent(id)}`)),
    embedFromUrl: (url) => api<EmbedInfo>('POST', '/embeds', { url }),
    embedPreview: cached((html) => api<EmbedInfo>('POST', '/embeds/preview', { html })),
  };
}
