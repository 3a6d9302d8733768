import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { BlockView, element } from './node-view-fields.ts';
import type { EditorServices } from './services.ts';

/**
 * Shows the reader site's click-to-load facade and swaps the embed in on request, as the site's
 * own script (src/site/browser/embeds.ts) does for readers.
 */
function wireFacade(container: HTMLElement): void {
  for (const button of Array.from(container.querySelectorAll<HTMLButtonElement>('button[data-embed-load]'))) {
    button.hidden = false;
    button.addEventListener(
      'click',
      () => {
        const figure = button.closest('figure');
        const template = figure?.querySelector<HTMLTemplateElement>('template.embed-content');
        const facade = button.closest('.embed-facade');
        if (!template || !facade) return;
        facade.replaceWith(template.content.cloneNode(true));
        template.remove();
      },
      { once: true },
    );
  }
}

/**
 * An embed as readers will see it: the server renders it with the reader site's own renderer
 * (POST /admin/api/embeds/preview), so there is one way embeds look. The caption is edited in place.
 */
export class EmbedView extends BlockView {
  constructor(node: Node, view: EditorView, getPos: () => number | undefined, services: EditorServices) {
    super(node, view, getPos, 'editor-embed');
    const { t } = services;
    const preview = element('div', { class: 'embed-preview' }, element('p', { class: 'loading' }, t('loading')));
    this.dom.append(
      element('p', { class: 'block-kind' }, t('editor.embed')),
      preview,
      this.field('caption', t('editor.caption'), 2000),
      this.removeButton(t('editor.removeEmbed')),
    );
    services.embedPreview(node.attrs.html as string).then(
      (answer) => {
        // The server's sanitizer and the reader site's renderer made this markup (see embed-view's doc).
        preview.innerHTML = answer.preview;
        wireFacade(preview);
      },
      () => preview.replaceChildren(element('p', { class: 'error' }, t('editor.embedMissing'))),
    );
  }

  protected identity(node: Node): string {
    return node.attrs.html as string;
  }
}
