import { type ArticleDocument, type Block, DOCUMENT_VERSION } from '../../content/document.ts';
import type { DemoBlock } from './demo/index.ts';

/**
 * A demo body as stored: image keys and article slugs become ids. Pure (no database), so tests can
 * check the demo bodies against the document format and the editor's conversion.
 * Related blocks whose article has no id yet (`articleIds` null, or an unknown slug) are left out.
 */
export function demoDocument(
  blocks: readonly DemoBlock[],
  imageIds: ReadonlyMap<string, string>,
  articleIds: ReadonlyMap<string, string> | null,
): ArticleDocument {
  const content: Block[] = [];
  for (const block of blocks) {
    if (block.type === 'image') {
      const imageId = imageIds.get(block.image);
      if (!imageId) throw new Error(`demo image ${block.image} is missing`);
      content.push({
        type: 'image',
        imageId,
        ...(block.caption ? { caption: block.caption } : {}),
        ...(block.credit ? { credit: block.credit } : {}),
        ...(block.alt ? { alt: block.alt } : {}),
      });
    } else if (block.type === 'related') {
      const articleId = articleIds?.get(block.slug);
      if (articleId) content.push({ type: 'related', articleId });
    } else {
      content.push(block);
    }
  }
  return { type: 'doc', version: DOCUMENT_VERSION, content };
}
