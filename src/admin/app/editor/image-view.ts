import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { BlockView, element } from './node-view-fields.ts';
import type { EditorServices } from './services.ts';

/**
 * An image in the text: the picture, and its alt text, caption and credit edited in place. Left
 * untouched they stay absent and readers see the image's own (shown here until changed).
 */
export class ImageView extends BlockView {
  constructor(node: Node, view: EditorView, getPos: () => number | undefined, services: EditorServices) {
    super(node, view, getPos, 'editor-image');
    const { t } = services;
    const picture = element('div', { class: 'image-frame' }, element('p', { class: 'loading' }, t('loading')));
    this.dom.append(
      element('p', { class: 'block-kind' }, t('editor.image')),
      picture,
      this.field('alt', t('editor.altText'), 1000),
      this.field('caption', t('editor.caption'), 2000),
      this.field('credit', t('editor.credit'), 500),
      this.removeButton(t('editor.removeImage')),
    );
    services.image(node.attrs.imageId as string).then(
      (image) => {
        const img = element('img', {
          src: image.src,
          srcset: image.srcset,
          sizes: '40rem',
          width: String(image.width),
          height: String(image.height),
          alt: (this.node.attrs.alt as string | null) ?? image.alt,
        });
        picture.replaceChildren(img);
        this.fallback('alt', image.alt);
        this.fallback('caption', image.caption);
        this.fallback('credit', image.credit);
      },
      () => picture.replaceChildren(element('p', { class: 'error' }, t('editor.imageMissing'))),
    );
  }

  protected identity(node: Node): string {
    return node.attrs.imageId as string;
  }
}

/** The free preview's end: a line across the text that says what it means. */
export class PreviewEndView extends BlockView {
  constructor(node: Node, view: EditorView, getPos: () => number | undefined, services: EditorServices) {
    super(node, view, getPos, 'editor-preview-end');
    const { t } = services;
    this.dom.append(
      element('p', { class: 'block-kind' }, t('editor.previewEnd')),
      element('p', {}, t('editor.previewEndNote')),
      this.removeButton(t('editor.remove')),
    );
  }

  protected identity(): string {
    return 'preview_end';
  }
}
