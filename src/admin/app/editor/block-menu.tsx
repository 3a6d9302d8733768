import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../messages.ts';
import { type BlockItem, filterItems } from './block-items.ts';

/** The list of blocks, shared by the slash menu and the "+" menu; `active` is the highlighted one. */
export function BlockList(props: {
  id: string;
  t: Translate;
  label: string;
  items: readonly BlockItem[];
  active: number;
  onChoose: (item: BlockItem) => void;
}) {
  const { t } = props;
  return (
    <ul id={props.id} role="listbox" aria-label={props.label} class="block-list">
      {props.items.map((item, index) => (
        <li
          key={item.id}
          id={`${props.id}-${index}`}
          role="option"
          aria-selected={index === props.active}
          class={index === props.active ? 'active' : undefined}
          // A press on an option must not take the focus from where typing goes on.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => props.onChoose(item)}
        >
          {t(item.label)}
        </li>
      ))}
      {props.items.length === 0 && (
        <li role="option" aria-disabled="true" aria-selected="false" class="empty">
          {t('editor.noBlocks')}
        </li>
      )}
    </ul>
  );
}

/**
 * The "+" menu: a search box over the list of blocks (WAI-ARIA combobox with a listbox). Typing
 * filters, arrows move, Enter inserts, Escape closes; the count of choices is announced.
 */
export function InsertMenu(props: {
  t: Translate;
  /** The blocks on offer (all of them when not said). */
  blocks?: readonly BlockItem[];
  at: { left: number; top: number };
  onChoose: (item: BlockItem) => void;
  onClose: () => void;
}) {
  const { t } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const items = filterItems(query, t, props.blocks);
  useLayoutEffect(() => input.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (items.length) setActive((active + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[active];
      if (item) props.onChoose(item);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onClose();
    }
  };

  return (
    <div class="popover insert-menu" style={{ left: `${props.at.left}px`, top: `${props.at.top}px` }}>
      <label for="insert-search">{t('editor.insertBlock')}</label>
      <input
        id="insert-search"
        ref={input}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-expanded="true"
        aria-controls="insert-options"
        aria-autocomplete="list"
        aria-activedescendant={items.length ? `insert-options-${active}` : undefined}
        value={query}
        onInput={(event) => {
          setQuery((event.target as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          // Leaving the menu (Tab, a click elsewhere) closes it.
          if (!(event.currentTarget as HTMLElement).parentElement?.contains(event.relatedTarget as Node))
            props.onClose();
        }}
      />
      <BlockList
        id="insert-options"
        t={t}
        label={t('editor.blocks')}
        items={items}
        active={active}
        onChoose={props.onChoose}
      />
      <p class="visually-hidden" aria-live="polite">
        {t('editor.blocksFound', { count: String(items.length) })}
      </p>
    </div>
  );
}
