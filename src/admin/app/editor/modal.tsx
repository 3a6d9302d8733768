import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A modal dialog (the browser's own <dialog>: it keeps the keyboard inside, Escape closes it, and
 * the focus goes back where it was). Rendered only while open.
 */
export function Modal(props: {
  title: string;
  id: string;
  onClose: () => void;
  children: ComponentChildren;
  closeLabel: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="modal" aria-labelledby={`${props.id}-title`} onClose={props.onClose}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
      <form method="dialog" class="modal-close">
        <button type="submit">{props.closeLabel}</button>
      </form>
    </dialog>
  );
}
