import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { BlockView, element } from './node-view-fields.ts';
import type { EditorServices } from './services.ts';

/** A related-story card, showing the story's current headline and dek, as readers will see them. */
export class CardView extends BlockView {
  constructor(node: Node, view: EditorView, getPos: () => number | undefined, services: EditorServices) {
    super(node, view, getPos, 'editor-card');
    const { t } = services;
    const body = element('div', { class: 'card-body' }, element('p', { class: 'loading' }, t('loading')));
    this.dom.append(
      element('p', { class: 'block-kind' }, t('editor.relatedStory')),
      body,
      this.removeButton(t('editor.removeCard')),
    );
    services.card(node.attrs.articleId as string).then(
      (card) =>
        body.replaceChildren(
          element('p', { class: 'card-headline' }, card.headline),
          ...(card.dek ? [element('p', { class: 'card-dek' }, card.dek)] : []),
          ...(card.status === 'published' ? [] : [element('p', { class: 'warning' }, t('editor.cardHidden'))]),
        ),
      () => body.replaceChildren(element('p', { class: 'error' }, t('editor.cardMissing'))),
    );
  }

  protected identity(node: Node): string {
    return node.attrs.articleId as string;
  }
}
