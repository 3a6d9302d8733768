import { useApp } from '../context.ts';
import { Field } from '../ui/field.tsx';

/** "Pinned until": a date and time on the site's clocks, optional (empty: until unpinned by hand). */
export function UntilField(props: { id: string; value: string; onInput: (value: string) => void; error?: string }) {
  const { t, timeZone } = useApp();
  return (
    <Field
      id={props.id}
      label={t('frontPage.untilField')}
      hint={t('frontPage.untilHint', { zone: timeZone })}
      error={props.error}
      optional
    >
      {(control) => (
        <input
          {...control}
          type="datetime-local"
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
