import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isAllowedHref, typedHref } from '../../../editor/links.ts';
import type { Translate } from '../messages.ts';

/**
 * The link editor: a small dialog by the text with the address, Apply, Remove and Cancel. Enter
 * applies, Escape cancels; either way the keyboard goes back to the text. Only addresses readers
 * can follow are taken (src/editor/links.ts), and a refused one says what is accepted.
 */
export function LinkEditor(props: {
  t: Translate;
  href: string;
  /** Where it stands, in the page's coordinates (below the link). */
  at: { left: number; top: number };
  onApply: (href: string) => void;
  onRemove?: () => void;
  onClose: () => void;
}) {
  const { t } = props;
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  // Focus moves before the next key is handled (a layout effect runs in the same task as Mod-k),
  // so an address typed at once goes into the field, not over the selected text.
  useLayoutEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const apply = (event: Event) => {
    event.preventDefault();
    const href = typedHref(input.current?.value ?? '');
    if (!isAllowedHref(href)) {
      setError(t('editor.linkRefused'));
      input.current?.focus();
      return;
    }
    props.onApply(href);
  };

  return (
    <div
      class="popover link-editor"
      role="dialog"
      aria-label={t('editor.linkEditor')}
      style={{ left: `${props.at.left}px`, top: `${props.at.top}px` }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onClose();
        }
      }}
    >
      <form onSubmit={apply} noValidate>
        <label for="link-href">{t('editor.linkAddress')}</label>
        <input
          id="link-href"
          ref={input}
          type="text"
          inputMode="url"
          defaultValue={props.href}
          autocomplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'link-error' : 'link-hint'}
        />
        {error ? (
          <p id="link-error" class="error" role="alert">
            {error}
          </p>
        ) : (
          <p id="link-hint" class="hint">
            {t('editor.linkHint')}
          </p>
        )}
        <p class="actions">
          <button type="submit">{t('editor.apply')}</button>
          {props.onRemove && (
            <button type="button" onClick={props.onRemove}>
              {t('editor.removeLink')}
            </button>
          )}
          <button type="button" onClick={props.onClose}>
            {t('editor.cancel')}
          </button>
        </p>
      </form>
    </div>
  );
}
