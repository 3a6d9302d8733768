import './ui.css';
import type { ComponentChildren, JSX } from 'preact';
import { useApp } from '../context.ts';
import type { Refusal } from './refusal.ts';

/** What a field's control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

/**
 * A labelled field with an optional hint and the API's refusal next to it: the control is made by
 * `children` with the ids and ARIA attributes that tie them together (a screen reader reads the
 * error with the field, and the field says it is invalid).
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  children: (control: ControlProps) => JSX.Element;
}) {
  const { t } = useApp();
  const described = [props.error ? `${props.id}-error` : '', props.hint ? `${props.id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.optional && <span class="optional"> {t('ui.optional')}</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children({
        id: props.id,
        ...(props.error ? { 'aria-invalid': 'true' as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A text field (one line, or several with `multiline`) bound to a value the screen keeps. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  multiline?: boolean;
  type?: 'text' | 'url' | 'email' | 'search';
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  spellcheck?: boolean;
}) {
  const { multiline, onInput, value, type, required, maxLength, autoComplete, spellcheck, ...field } = props;
  const common = {
    value,
    required,
    maxLength,
    spellcheck,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <Field {...field}>
      {(control) =>
        multiline ? (
          <textarea {...control} {...common} rows={4} />
        ) : (
          <input {...control} {...common} type={type ?? 'text'} autocomplete={autoComplete} />
        )
      }
    </Field>
  );
}

/** The general message of a refusal, at the top of its form; it takes the keyboard when no field is named. */
export function RefusalMessage(props: { refusal: Refusal | undefined }) {
  if (!props.refusal) return null;
  return (
    <p class="error refusal" role="alert" tabIndex={-1}>
      {props.refusal.message}
    </p>
  );
}

/**
 * A short confirmation of what was just done, read out by screen readers. It is always on the page
 * (empty until there is news): a live region added together with its text is often not announced.
 */
export function Notice(props: { children?: ComponentChildren }) {
  return (
    <p class="notice" role="status">
      {props.children}
    </p>
  );
}
