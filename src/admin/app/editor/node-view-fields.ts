import type { Node } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';

let nextId = 0;
/** An id unique on the page, for a label's `for`. */
export const uniqueId = (prefix: string): string => `${prefix}-${(nextId += 1)}`;

/** Builds an element with attributes and children, for node views (which live outside Preact). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<globalThis.Node | string>
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

/**
 * A block the writer does not type into (an image, a card, an embed) but whose details are edited
 * in place: its inputs change the node's attributes, so undo, the saved document and the copy kept
 * in the browser all see them. Events inside the inputs are theirs, not ProseMirror's.
 */
export abstract class BlockView implements NodeView {
  readonly dom: HTMLElement;
  protected node: Node;
  private readonly fields = new Map<string, HTMLInputElement>();

  constructor(
    node: Node,
    protected readonly view: EditorView,
    protected readonly getPos: () => number | undefined,
    className: string,
  ) {
    this.node = node;
    this.dom = element('div', { class: `editor-block ${className}`, contenteditable: 'false' });
  }

  /** An input for an optional text attribute (null means absent); `fallback` fills it while absent. */
  protected field(name: string, label: string, maxLength: number, fallback = ''): HTMLElement {
    const id = uniqueId(`field-${name}`);
    const input = element('input', { id, type: 'text', maxlength: String(maxLength), autocomplete: 'off' });
    input.value = (this.node.attrs[name] as string | null) ?? fallback;
    input.addEventListener('input', () => this.setAttr(name, input.value));
    this.fields.set(name, input);
    return element('p', { class: 'block-field' }, element('label', { for: id }, label), input);
  }

  /** Shows what an absent attribute stands for once it is known (an image's own caption). */
  protected fallback(name: string, value: string): void {
    const input = this.fields.get(name);
    if (input && this.node.attrs[name] === null && document.activeElement !== input) input.value = value;
  }

  protected setAttr(name: string, value: string | null): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    this.view.dispatch(this.view.state.tr.setNodeAttribute(pos, name, value));
  }

  /** Removes the block (the button beside it; Backspace and Delete do the same when it is selected). */
  protected removeButton(label: string): HTMLElement {
    const button = element('button', { type: 'button', class: 'block-remove' }, label);
    button.addEventListener('click', () => {
      const pos = this.getPos();
      if (pos === undefined) return;
      this.view.dispatch(this.view.state.tr.delete(pos, pos + this.node.nodeSize));
      this.view.focus();
    });
    return button;
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    const identityChanged = this.identity(node) !== this.identity(this.node);
    this.node = node;
    if (identityChanged) return false;
    for (const [name, input] of this.fields) {
      const value = (node.attrs[name] as string | null) ?? '';
      // Undo and redo change the attribute under the input; typing already matches it.
      if (node.attrs[name] !== null && input.value !== value) input.value = value;
    }
    return true;
  }

  /** What makes this block another one (a different image or story): then it is drawn anew. */
  protected abstract identity(node: Node): string;

  selectNode(): void {
    this.dom.classList.add('selected');
  }

  deselectNode(): void {
    this.dom.classList.remove('selected');
  }

  stopEvent(event: Event): boolean {
    const target = event.target as HTMLElement | null;
    return !!target?.closest('input, button, textarea, a, select');
  }

  ignoreMutation(): boolean {
    return true;
  }
}
