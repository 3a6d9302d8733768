import { api, type ArticleSummary, uploadForm } from '../api.ts';
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
  /** The largest upload the server takes, checked before sending. */
  uploadLimitBytes: number;
  image(id: string): Promise<ImageInfo>;
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

/** The editor's services over the admin API. */
export function apiServices(t: Translate, uploadLimitBytes: number): EditorServices {
  const image = cached((id) => api<ImageInfo>('GET', `/media/images/${encodeURIComponent(id)}`));
  return {
    t,
    uploadLimitBytes,
    image,
    async uploadImage(file, onProgress) {
      const form = new FormData();
      form.append('file', file, file.name);
      return uploadForm<ImageInfo>('/media/images', form, onProgress);
    },
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
