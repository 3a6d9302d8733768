import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context.ts';

export interface ConfirmOptions {
  title: string;
  body?: ComponentChildren;
  /** The button that goes ahead ("Delete"); Cancel is always offered and has the keyboard first. */
  confirm: string;
  /** Shows the confirming button as destructive. */
  danger?: boolean;
}

/**
 * Asks before something that cannot be undone, in a modal <dialog>: the browser keeps the keyboard
 * inside it, Escape cancels, and the keyboard returns to where it was. Usage:
 * `const [dialog, confirm] = useConfirm(); … if (await confirm({ title, confirm: t('ui.delete') })) …`
 * and render `{dialog}` somewhere in the screen.
 */
export function useConfirm(): [JSX.Element | null, (options: ConfirmOptions) => Promise<boolean>] {
  const [asking, setAsking] = useState<{ options: ConfirmOptions; answer: (yes: boolean) => void } | undefined>();
  const ask = (options: ConfirmOptions) =>
    new Promise<boolean>((resolve) => {
      const opener = document.activeElement as HTMLElement | null;
      setAsking({
        options,
        answer: (yes) => {
          setAsking(undefined);
          // Once the dialog is gone (the page behind a modal dialog takes no focus). The opener may
          // be gone too (a deleted row); then the screen's heading takes the keyboard.
          requestAnimationFrame(() => {
            if (opener?.isConnected) opener.focus();
            else document.querySelector<HTMLElement>('main h1')?.focus();
          });
          resolve(yes);
        },
      });
    });
  return [asking ? <ConfirmDialog options={asking.options} answer={asking.answer} /> : null, ask];
}

function ConfirmDialog(props: { options: ConfirmOptions; answer: (yes: boolean) => void }) {
  const { t } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    cancel.current?.focus();
  }, []);
  const { options } = props;
  const answer = (yes: boolean) => {
    dialog.current?.close();
    props.answer(yes);
  };
  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        answer(false);
      }}
    >
      <h2 id="confirm-title">{options.title}</h2>
      {options.body && <div class="confirm-body">{options.body}</div>}
      <div class="buttons">
        <button type="button" class="secondary" ref={cancel} onClick={() => answer(false)}>
          {t('ui.cancel')}
        </button>
        <button type="button" class={options.danger ? 'danger' : undefined} onClick={() => answer(true)}>
          {options.confirm}
        </button>
      </div>
    </dialog>
  );
}
