import type { Ref } from 'preact';
import type { Translate } from '../messages.ts';

/** The core's password rule, checked before asking the server (which checks it again). */
export const MIN_PASSWORD_LENGTH = 12;

/** A new password's field, with the rule said under it. */
export function NewPasswordField(props: {
  t: Translate;
  id: string;
  label: string;
  inputRef: Ref<HTMLInputElement>;
  autofocus?: boolean;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        type="password"
        autocomplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        required
        autofocus={props.autofocus}
        aria-describedby={`${props.id}-rule`}
      />
      <p class="hint" id={`${props.id}-rule`}>
        {props.t('account.passwordRule')}
      </p>
    </>
  );
}
