import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A wide modal dialog for comparing texts and previewing (the browser's own <dialog>: the keyboard
 * stays inside, Escape closes it, focus goes back where it was). Rendered only while open; focus
 * starts on the element marked `autofocus`, or the first control.
 */
export function WideModal(props: {
  id: string;
  title: string;
  onClose: () => void;
  closeLabel: string;
  /** The dialog is an alert (a refused save): announced as such. */
  alert?: boolean;
  children: ComponentChildren;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      id={props.id}
      class="wide-modal"
      role={props.alert ? 'alertdialog' : undefined}
      aria-labelledby={`${props.id}-title`}
      onClose={props.onClose}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
      <form method="dialog" class="choices">
        <button type="submit" class="secondary">
          {props.closeLabel}
        </button>
      </form>
    </dialog>
  );
}
