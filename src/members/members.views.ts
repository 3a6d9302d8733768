import { html, type Renderable, type SafeHtml } from '../http/html.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { SiteContext } from '../site/site-context.ts';
import { layout } from '../site/views/layout.ts';
import { type AccountBilling, billingSection } from './account-billing.views.ts';
import { type AccountGifts, giftsSection } from './account-gifts.views.ts';
import type { MemberAccount } from './members.service.ts';
import type { MemberPreferences } from './preferences.ts';

/** A reader account page: the site's chrome, never indexed. */
export function memberPage(site: SiteContext, title: string, path: string, main: Renderable): string {
  return layout(
    site,
    { title, description: title, path, robots: 'noindex' },
    html`<article class="story member">${main}</article>`,
  );
}

const csrfField = (csrf: string): SafeHtml => html`<input type="hidden" name="csrf" value="${csrf}">`;
const notice = (text: string | undefined): SafeHtml | string =>
  text ? html`<p class="notice" role="status">${text}</p>` : '';

/** The sign-in (and sign-up) form: one address field; the emailed link signs in or makes the account. */
export function signInForm(
  site: SiteContext,
  input: { csrf: string; signUp: boolean; from: string; email?: string; message?: string },
): string {
  const { t } = site.t;
  const title = t(input.signUp ? 'member.signup.title' : 'member.signin.title');
  return memberPage(
    site,
    title,
    input.signUp ? '/signup' : '/signin',
    html`<h1>${title}</h1>${notice(input.message)}
<p>${t('member.signin.intro')}</p>
<form method="post" action="/signin">${csrfField(input.csrf)}<input type="hidden" name="from" value="${input.from}">
<p><label for="email">${t('member.email')}</label><br><input id="email" name="email" type="email" autocomplete="email" required value="${input.email ?? ''}"></p>
${input.signUp ? html`<p><label for="name">${t('member.name')}</label><br><input id="name" name="name" type="text" autocomplete="name" maxlength="120"></p>` : ''}
<p><button type="submit">${t('member.send')}</button></p>
</form>`,
  );
}

/** After asking: the same words whoever asked, and the code form for mail opened elsewhere. */
export function linkSentPage(
  site: SiteContext,
  input: { csrf: string; email: string; from: string; message?: string },
): string {
  const { t } = site.t;
  return memberPage(
    site,
    t('member.sent.title'),
    '/signin',
    html`<h1>${t('member.sent.title')}</h1>${notice(input.message)}
<p>${t('member.sent.body', { email: input.email })}</p>
<form method="post" action="/signin/code">${csrfField(input.csrf)}<input type="hidden" name="email" value="${input.email}"><input type="hidden" name="from" value="${input.from}">
<p><label for="code">${t('member.code.label')}</label><br><input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required></p>
<p><button type="submit">${t('member.code.submit')}</button></p>
</form>`,
  );
}

/** A titled page with a sentence or two (signed out, account deleted, form expired). */
export function messagePage(site: SiteContext, title: MessageKey, body: string, path: string): string {
  return memberPage(
    site,
    site.t.t(title),
    path,
    html`<h1>${site.t.t(title)}</h1><p>${body}</p><p><a href="/">${site.t.t('nav.home')}</a></p>`,
  );
}

/** The account page: subscription and payments, details, address, mail choices, signing out, data and deletion. */
export function accountPage(
  site: SiteContext,
  view: {
    account: MemberAccount;
    billing: AccountBilling;
    preferences: MemberPreferences;
    gifts?: AccountGifts;
    groups?: SafeHtml | string;
  },
  csrf: string,
  message?: string,
): string {
  const { account, billing, preferences } = view;
  const { t, longDate } = site.t;
  const form = (action: string, body: Renderable) =>
    html`<form method="post" action="${action}">${csrfField(csrf)}${body}</form>`;
  return memberPage(
    site,
    t('member.account.title'),
    '/account',
    html`<h1>${t('member.account.title')}</h1>${notice(message)}
<p>${account.email} · ${t('member.account.since', { date: longDate(account.since) })}</p>
<section aria-labelledby="subscription"><h2 id="subscription">${t('member.account.subscription')}</h2>
<p>${t(account.access === 'paid' ? 'member.account.paid' : 'member.account.free')}${account.complimentaryUntil ? html` ${t('member.account.complimentary', { date: longDate(account.complimentaryUntil) })}` : ''}${account.giftUntil ? html` ${t('member.account.gift', { date: longDate(account.giftUntil) })}` : ''}</p>
${billingSection(site.t, billing, csrfField(csrf))}
${giftsSection(site.t, view.gifts)}
</section>
${view.groups ?? ''}
<section aria-labelledby="profile"><h2 id="profile">${t('member.account.profile')}</h2>
${form('/account/name', html`<p><label for="name">${t('member.account.nameLabel')}</label><br><input id="name" name="name" type="text" autocomplete="name" maxlength="120" value="${account.name}"></p><p><button type="submit">${t('member.account.nameSave')}</button></p>`)}
${form('/account/email', html`<p><label for="email">${t('member.account.newEmail')}</label><br><input id="email" name="email" type="email" autocomplete="email" required></p><p><button type="submit">${t('member.account.emailChange')}</button></p>`)}
</section>
<section aria-labelledby="mail"><h2 id="mail">${t('member.preferences.title')}</h2>
${form('/account/preferences', html`<p><input id="newsletter" name="newsletter" type="checkbox" value="on"${preferences.newsletter ? html` checked` : ''}> <label for="newsletter">${t('member.preferences.newsletter')}</label></p><p><input id="comment-replies" name="commentReplies" type="checkbox" value="on"${preferences.commentReplies ? html` checked` : ''}> <label for="comment-replies">${t('member.preferences.commentReplies')}</label></p><p><button type="submit">${t('member.preferences.save')}</button></p>`)}
</section>
<section aria-labelledby="sessions"><h2 id="sessions">${t('member.account.sessions')}</h2>
${form('/account/sign-out', html`<p><button type="submit">${t('member.account.signOut')}</button></p>`)}
${form('/account/sign-out-everywhere', html`<p>${t('member.account.signOutEverywhereHint')}</p><p><button type="submit">${t('member.account.signOutEverywhere')}</button></p>`)}
</section>
<section aria-labelledby="data"><h2 id="data">${t('member.account.yourData')}</h2>
<p><a href="/account/data" download="account.json">${t('member.account.data')}</a></p>
${form('/account/delete', html`<p>${t('member.account.deleteHint')}</p><p><label for="confirm">${t('member.account.deleteConfirm')}</label><br><input id="confirm" name="confirm" type="email" required></p><p><button type="submit">${t('member.account.delete')}</button></p>`)}
</section>`,
  );
}
