import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { Field, RefusalMessage, TextField } from '../ui/field.tsx';
import { useSubmit } from '../ui/refusal.ts';
import { siteTimeToUtc } from '../ui/site-time.ts';

/** Gives the member complimentary access to the end of a day on the site's clock, with a note. */
export function GrantForm(props: { memberId: string; onGranted: (endsAt: string) => void }) {
  const { t, timeZone } = useApp();
  const [draft, setDraft] = useState({ day: '', note: '' });
  const submit = useSubmit('members');

  const grant = async (event: Event) => {
    event.preventDefault();
    let endsAt = '';
    const ok = await submit.run(async () => {
      // An empty or unreadable day goes to the API as it is, whose refusal is said beside the field.
      const until = /^\d{4}-\d{2}-\d{2}$/.test(draft.day)
        ? siteTimeToUtc({ date: draft.day, time: '23:59' }, timeZone)
        : draft.day;
      endsAt = (
        await api<{ endsAt: string }>('POST', `/members/${props.memberId}/complimentary`, {
          endsAt: until,
          note: draft.note.trim(),
        })
      ).endsAt;
    });
    if (!ok) return;
    setDraft({ day: '', note: '' });
    props.onGranted(endsAt);
  };

  return (
    <form class="grant-form" onSubmit={grant} ref={submit.formRef} noValidate aria-labelledby="member-grant-heading">
      <h3 id="member-grant-heading">{t('members.comp.grantTitle')}</h3>
      <RefusalMessage refusal={submit.refusal} />
      <Field
        id="grant-ends"
        label={t('members.comp.endsOn')}
        hint={t('members.comp.endsHint')}
        error={submit.fieldError('endsAt')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            value={draft.day}
            onInput={(event) => setDraft({ ...draft, day: event.currentTarget.value })}
          />
        )}
      </Field>
      <TextField
        id="grant-note"
        label={t('members.comp.note')}
        hint={t('members.comp.noteHint')}
        optional
        maxLength={500}
        value={draft.note}
        onInput={(note) => setDraft({ ...draft, note })}
        error={submit.fieldError('note')}
      />
      <button type="submit" disabled={submit.busy}>
        {t('members.comp.grant')}
      </button>
    </form>
  );
}
