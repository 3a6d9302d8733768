import { useState } from 'preact/hooks';
import type { Choice } from './taxonomy-api.ts';

/**
 * A text field that suggests choices as one types (ARIA 1.2 combobox with a listbox): arrows move
 * through the suggestions, Enter takes one, Escape closes them. With `onCreate`, Enter on words
 * that match nothing makes a new choice of them.
 */
export function ChoiceCombobox(props: {
  id: string;
  label: string;
  choices: readonly Choice[];
  /** Choices already taken, left out of the suggestions. */
  taken: readonly string[];
  onPick: (choice: Choice) => void;
  onCreate?: (name: string) => Promise<void>;
  createLabel?: (name: string) => string;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const words = text.trim().toLowerCase();
  const matches = props.choices
    .filter((choice) => !props.taken.includes(choice.id) && choice.name.toLowerCase().includes(words))
    .slice(0, 8);
  const exact = props.choices.some((choice) => choice.name.toLowerCase() === words);
  const canCreate = !!props.onCreate && words !== '' && !exact;
  const count = matches.length + (canCreate ? 1 : 0);
  const listId = `${props.id}-list`;
  const optionId = (index: number) => `${props.id}-option-${index}`;

  const take = async (index: number) => {
    const choice = matches[index];
    if (choice) props.onPick(choice);
    else if (canCreate) await props.onCreate?.(text.trim());
    setText('');
    setActive(0);
    setOpen(false);
  };

  return (
    <div class="combobox">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open && count > 0}
        aria-controls={listId}
        aria-activedescendant={open && count > 0 ? optionId(Math.min(active, count - 1)) : undefined}
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((index) => (count ? (index + 1) % count : 0));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => (count ? (index - 1 + count) % count : 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (count > 0 && (open || words)) void take(Math.min(active, count - 1));
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={props.label} hidden={!open || count === 0}>
        {matches.map((choice, index) => (
          <li
            key={choice.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              void take(index);
            }}
          >
            {choice.name}
          </li>
        ))}
        {canCreate && (
          <li
            id={optionId(matches.length)}
            role="option"
            aria-selected={active === matches.length}
            onMouseDown={(event) => {
              event.preventDefault();
              void take(matches.length);
            }}
          >
            {props.createLabel?.(text.trim()) ?? text.trim()}
          </li>
        )}
      </ul>
    </div>
  );
}
