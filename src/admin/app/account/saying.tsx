import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { errorMessage, type MessageKey, type Translate } from '../messages.ts';

/**
 * A short answer under a form: what went wrong (alert) or what was done (status). Kept as a
 * function of the words, so it follows a change of language.
 */
export type Said = { say: (t: Translate) => string; error?: boolean } | undefined;

export function Saying(props: { said: Said }) {
  const { t } = useApp();
  if (!props.said) return null;
  return props.said.error ? (
    <p class="error" role="alert">
      {props.said.say(t)}
    </p>
  ) : (
    <p class="done" role="status">
      {props.said.say(t)}
    </p>
  );
}

/** What to say when the API refuses a form of these screens. */
export function refusal(caught: unknown): Said {
  const code = caught instanceof ApiError ? caught.code : 'other';
  if (code === 'VALIDATION_FAILED') return { say: (t) => t('account.passwordTooShort'), error: true };
  if (code === 'RATE_LIMITED') return { say: (t) => t('account.tooMany'), error: true };
  return { say: (t) => errorMessage(t, code), error: true };
}

/** A message of the catalogue, said later. */
export const saying = (key: MessageKey, error = false): Said => ({ say: (t) => t(key), error });
