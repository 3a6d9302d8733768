import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { refusal, type Said, Saying, saying } from '../account/saying.tsx';
import { useApp } from '../context.ts';

/** The site setting that requires two-factor sign-in of every member of staff (admins). */
export function RequireTwoFactor() {
  const { t, staff, setStaff } = useApp();
  const [required, setRequired] = useState<boolean | undefined>();
  const [said, setSaid] = useState<Said>();
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    api<{ requireTwoFactor: boolean }>('GET', '/settings').then(
      (settings) => setRequired(settings.requireTwoFactor),
      (caught: unknown) => setSaid(refusal(caught)),
    );
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const value = box.current?.checked ?? false;
    try {
      const settings = await api<{ requireTwoFactor: boolean }>('PATCH', '/settings', { requireTwoFactor: value });
      setRequired(settings.requireTwoFactor);
      setSaid(saying(value ? 'staff.requireOn' : 'staff.requireOff'));
      // An admin who requires it without having it owes it too, at once.
      if (value && !staff.twoFactor) setStaff(staff, true);
    } catch (caught) {
      setSaid(refusal(caught));
    }
  };

  return (
    <section aria-labelledby="require-heading" class="panel">
      <h2 id="require-heading">{t('staff.requireHeading')}</h2>
      {required !== undefined && (
        <form onSubmit={save} class="stacked">
          <p class="check">
            <input
              id="require-two-factor"
              ref={box}
              type="checkbox"
              checked={required}
              aria-describedby="require-hint"
            />
            <label for="require-two-factor">{t('staff.requireLabel')}</label>
          </p>
          <p class="hint" id="require-hint">
            {t('staff.requireHint')}
          </p>
          <Saying said={said} />
          <button type="submit" class="secondary">
            {t('staff.requireSave')}
          </button>
        </form>
      )}
      {required === undefined && <Saying said={said} />}
    </section>
  );
}
