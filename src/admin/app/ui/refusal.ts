import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { errorMessage, hasMessage, type Translate } from '../messages.ts';

/** A refusal of the API in the staff member's words: one message for the form, one per refused field. */
export interface Refusal {
  message: string;
  /** By the field's path as the API names it, without the `body/` of schema errors: `slug`, `links/1/url`. */
  fields: Readonly<Record<string, string>>;
}

/** `body/fromPath` (a schema error) and `fromPath` (a service's) are the same field. */
export const fieldPath = (field: string): string => field.replace(/^\/?(body)?\/?/, '');

/**
 * Says a refusal in the staff member's language. The API's own messages are English, so each
 * refused field is said by the area's catalogue: `<area>.field.<name>.<CODE>`, then
 * `<area>.field.<name>`, then the code's general message, then the area's `<area>.invalidField`,
 * where `name` is the field's last word (`headerNavigation/2/url` → `url`).
 */
export function describeRefusal(t: Translate, caught: unknown, area: string): Refusal {
  if (!(caught instanceof ApiError)) return { message: t('error.other', { code: 'browser' }), fields: {} };
  if (caught.status === 401) return { message: t('error.SESSION_ENDED'), fields: {} };
  const fields: Record<string, string> = {};
  for (const problem of caught.fields) {
    const path = fieldPath(problem.field);
    const name =
      path
        .split('/')
        .filter((part) => !/^\d+$/.test(part))
        .pop() ?? path;
    const keys = [
      `${area}.field.${name}.${caught.code}`,
      `${area}.field.${name}`,
      `error.${caught.code}`,
      `${area}.invalidField`,
    ];
    const key = keys.find((candidate) => candidate !== 'error.VALIDATION_FAILED' && hasMessage(candidate));
    fields[path] = key && hasMessage(key) ? t(key) : t('ui.invalidField');
  }
  const general = `${area}.error.${caught.code}`;
  const message = hasMessage(general)
    ? t(general)
    : caught.code === 'VALIDATION_FAILED' || Object.keys(fields).length
      ? t('ui.invalid')
      : errorMessage(t, caught.code);
  return { message, fields };
}

/**
 * A form's round trip to the API: `run` marks it busy, and on a refusal keeps what was typed (the
 * form's state is the screen's own) and moves the keyboard to the first refused field, or to the
 * message when no field is named.
 */
export function useSubmit(area: string) {
  const { t } = useApp();
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!refusal) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.refusal');
    target?.focus();
  }, [refusal]);
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await action();
      return true;
    } catch (caught) {
      setRefusal(describeRefusal(t, caught, area));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    refusal,
    run,
    formRef,
    clear: () => setRefusal(undefined),
    fieldError: (path: string): string | undefined => refusal?.fields[path],
  };
}
