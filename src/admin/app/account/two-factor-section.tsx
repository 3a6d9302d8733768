import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { refusal, type Said, Saying, saying } from './saying.tsx';
import { TwoFactorSetup } from './two-factor-setup.tsx';

/** Two-factor sign-in on My account: turn it on, see the recovery codes left, turn it off. */
export function TwoFactorSection() {
  const { t, staff, setStaff } = useApp();
  const [left, setLeft] = useState<number | undefined>();
  const [said, setSaid] = useState<Said>();
  const password = useRef<HTMLInputElement>(null);
  const code = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (staff.twoFactor)
      api<{ recoveryCodesLeft: number }>('GET', '/account/two-factor').then(
        (answer) => setLeft(answer.recoveryCodesLeft),
        () => setLeft(undefined),
      );
  }, [staff.twoFactor]);

  const turnOff = async (event: Event) => {
    event.preventDefault();
    const proof = password.current?.value
      ? { password: password.current.value }
      : { code: code.current?.value.trim() ?? '' };
    try {
      await api('POST', '/account/two-factor/disable', proof);
      setStaff({ ...staff, twoFactor: false });
      setSaid(saying('account.twoFactorTurnedOff'));
    } catch (caught) {
      setSaid(
        caught instanceof ApiError && caught.code === 'CONFLICT'
          ? saying('account.cannotTurnOff', true)
          : refusal(caught),
      );
      for (const field of [password, code]) if (field.current) field.current.value = '';
      password.current?.focus();
    }
  };

  return (
    <section aria-labelledby="two-factor-heading" class="panel">
      <h2 id="two-factor-heading">{t('account.twoFactorHeading')}</h2>
      {staff.twoFactor ? (
        <form onSubmit={turnOff} class="stacked" noValidate>
          {left !== undefined && <p>{t('account.twoFactorOn', { count: String(left) })}</p>}
          <p>{t('account.turnOffIntro')}</p>
          <label for="off-password">{t('password')}</label>
          <input id="off-password" ref={password} type="password" autocomplete="current-password" />
          <label for="off-code">{t('account.orCode')}</label>
          <input id="off-code" ref={code} type="text" autocomplete="one-time-code" />
          <Saying said={said} />
          <button type="submit" class="danger">
            {t('account.turnOff')}
          </button>
        </form>
      ) : (
        <>
          <p>{t('account.twoFactorOff')}</p>
          <Saying said={said} />
          <TwoFactorSetup
            onDone={() => {
              setSaid(undefined);
              setStaff({ ...staff, twoFactor: true });
            }}
          />
        </>
      )}
    </section>
  );
}
