import { useApp } from '../context.ts';
import { TwoFactorSetup } from './two-factor-setup.tsx';
import './account.css';

/**
 * The only screen of a member of staff who must turn on two-factor sign-in before anything else
 * (the site requires it); the API refuses everything else until it is on.
 */
export function TwoFactorRequired() {
  const { t, site, staff, setStaff } = useApp();
  return (
    <>
      <h1 tabIndex={-1}>{t('account.requiredTitle')}</h1>
      <div class="panel narrow">
        <p>{t('account.requiredIntro', { site })}</p>
        <TwoFactorSetup startAtOnce onDone={() => setStaff({ ...staff, twoFactor: true })} />
      </div>
    </>
  );
}
