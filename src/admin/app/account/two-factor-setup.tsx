import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { refusal, type Said, Saying } from './saying.tsx';

type Step = { step: 'idle' } | { step: 'scan'; secret: string; qrSvg: string } | { step: 'codes'; codes: string[] };

/**
 * Turning on two-factor sign-in: the secret as a QR code and as text, a code from the app to
 * confirm it, then the recovery codes, shown once. `onDone` runs when they are kept.
 */
export function TwoFactorSetup(props: { startAtOnce?: boolean; onDone: () => void }) {
  const { t, site } = useApp();
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const [said, setSaid] = useState<Said>();
  const [busy, setBusy] = useState(false);
  const code = useRef<HTMLInputElement>(null);
  const kept = useRef<HTMLButtonElement>(null);

  const start = async () => {
    setSaid(undefined);
    try {
      const setup = await api<{ secret: string; qrSvg: string }>('POST', '/account/two-factor/setup');
      setStep({ step: 'scan', secret: setup.secret, qrSvg: setup.qrSvg });
    } catch (caught) {
      setSaid(refusal(caught));
    }
  };
  useEffect(() => {
    if (props.startAtOnce) void start();
  }, []);
  // Each step puts the keyboard where it asks for something.
  useEffect(() => {
    if (step.step === 'scan') code.current?.focus();
    if (step.step === 'codes') kept.current?.focus();
  }, [step.step]);

  const confirm = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setSaid(undefined);
    try {
      const answer = await api<{ recoveryCodes: string[] }>('POST', '/account/two-factor/confirm', {
        code: code.current?.value.trim() ?? '',
      });
      setStep({ step: 'codes', codes: answer.recoveryCodes });
    } catch (caught) {
      setSaid(refusal(caught));
      if (code.current) code.current.value = '';
      code.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (step.step === 'idle')
    return (
      <>
        <Saying said={said} />
        {!props.startAtOnce && (
          <button type="button" onClick={() => void start()}>
            {t('account.turnOn')}
          </button>
        )}
      </>
    );
  if (step.step === 'scan')
    return (
      <form onSubmit={confirm} class="stacked" noValidate>
        <p>{t('account.scan')}</p>
        <img
          class="qr"
          width="200"
          height="200"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(step.qrSvg)}`}
          alt={t('account.qrAlt', { site })}
        />
        <p>
          {t('account.secretLabel')}: <code class="secret">{step.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </p>
        <label for="totp-code">{t('account.confirmCode')}</label>
        <input
          id="totp-code"
          ref={code}
          type="text"
          inputMode="numeric"
          autocomplete="one-time-code"
          maxLength={6}
          required
        />
        <Saying said={said} />
        <button type="submit" disabled={busy}>
          {busy ? t('account.verifying') : t('account.confirm')}
        </button>
      </form>
    );
  return (
    <div class="stacked">
      <h3>{t('account.recoveryTitle')}</h3>
      <p role="status">{t('account.recoveryIntro')}</p>
      <ul class="recovery-codes" aria-label={t('account.recoveryTitle')}>
        {step.codes.map((each) => (
          <li key={each}>
            <code>{each}</code>
          </li>
        ))}
      </ul>
      <button type="button" ref={kept} onClick={props.onDone}>
        {t('account.recoveryKept')}
      </button>
    </div>
  );
}
