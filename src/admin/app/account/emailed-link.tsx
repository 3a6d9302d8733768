import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { type Locale, type Translate, translator } from '../messages.ts';

/** Where an emailed link stands, as its check endpoint says. */
export type LinkState =
  | { state: 'checking' }
  | { state: 'valid'; locale: Locale; email: string; role?: string }
  | { state: 'expired' | 'used' | 'invalid' | 'offline'; locale: Locale };

/**
 * The token of the link this page was opened from. It travels in the fragment (#…), which browsers
 * never send to a server, so it stays out of server logs and Referer headers.
 */
export const linkToken = (): string => location.hash.slice(1);

/** Checks the link this page was opened from against `checkPath` (…/check), once. */
export function useEmailedLink(checkPath: string, siteLocale: Locale): LinkState {
  const [link, setLink] = useState<LinkState>({ state: 'checking' });
  useEffect(() => {
    const token = linkToken();
    if (!token) {
      setLink({ state: 'invalid', locale: siteLocale });
      return;
    }
    api<{ status: 'valid' | 'expired' | 'used'; locale: Locale; email?: string; role?: string }>('POST', checkPath, {
      token,
    }).then(
      (answer) =>
        setLink(
          answer.status === 'valid'
            ? {
                state: 'valid',
                locale: answer.locale,
                email: answer.email ?? '',
                ...(answer.role ? { role: answer.role } : {}),
              }
            : { state: answer.status, locale: answer.locale },
        ),
      (caught: unknown) =>
        setLink({
          state: caught instanceof ApiError && caught.code === 'LINK_INVALID' ? 'invalid' : 'offline',
          locale: siteLocale,
        }),
    );
  }, [checkPath]);
  return link;
}

/** The words to speak to the link's holder: their language once known, else the site's. */
export function linkTranslator(link: LinkState, t: Translate): Translate {
  return link.state === 'checking' ? t : translator(link.locale);
}

/** A link that does not work, said plainly, with the way on. */
export function LinkProblem(props: {
  t: Translate;
  state: 'expired' | 'used' | 'invalid' | 'offline';
  again: { href: string; label: string };
}) {
  const { t } = props;
  const text = {
    expired: t('account.linkExpired'),
    used: t('account.linkUsed'),
    invalid: t('account.linkInvalid'),
    offline: t('error.OFFLINE'),
  }[props.state];
  return (
    <>
      <p class="error" role="alert">
        {text}
      </p>
      <p>
        <a href={props.again.href}>{props.again.label}</a>
      </p>
    </>
  );
}
