import { useApp } from '../context.ts';

/** The only screen of a member of staff who must turn on two-factor sign-in first (to come). */
export function TwoFactorRequired() {
  const { t } = useApp();
  return <h1 tabIndex={-1}>{t('account.title')}</h1>;
}
