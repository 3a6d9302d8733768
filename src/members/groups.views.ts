import { html, type Renderable, type SafeHtml } from '../http/html.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { SiteContext } from '../site/site-context.ts';
import type { GroupOverview, GroupSummary } from './group-overview.ts';
import { memberPage } from './members.views.ts';

/** The pages of group subscriptions on the reader's side: the admin's page, joining, the account page's part. */

const csrfField = (csrf: string): SafeHtml => html`<input type="hidden" name="csrf" value="${csrf}">`;
const notice = (text: string | undefined): SafeHtml | string =>
  text ? html`<p class="notice" role="status">${text}</p>` : '';

/** Where an admin manages a group. */
export const groupPath = (groupId: string): string => `/account/groups/${groupId}`;

const STATUS: Record<GroupSummary['status'], MessageKey> = {
  pending: 'group.status.pending',
  active: 'group.status.active',
  ended: 'group.status.ended',
};

/** The group's admin page: seats, members, invites, the email domain, billing. */
export function groupAdminPage(
  site: SiteContext,
  group: GroupOverview,
  view: { csrf: string; canManageBilling: boolean; message?: string | undefined; problem?: string | undefined },
): string {
  const { t, longDate } = site.t;
  const path = groupPath(group.id);
  const form = (action: string, body: Renderable) =>
    html`<form method="post" action="${path}${action}">${csrfField(view.csrf)}${body}</form>`;
  const over = group.seatsTaken - group.seats;
  return memberPage(
    site,
    group.name,
    path,
    html`<h1>${group.name}</h1>${notice(view.message)}${view.problem ? html`<p class="problem" role="alert">${view.problem}</p>` : ''}
<p class="group-plan">${t('group.plan', { tier: group.tierName })} · <span class="group-status">${t(STATUS[group.status])}</span></p>
<p class="seats">${t('group.seats', { taken: group.seatsTaken, total: group.seats })}</p>
${over > 0 ? html`<p class="over" role="status">${t('group.over', { count: over })}</p>` : ''}
<section aria-labelledby="members"><h2 id="members">${t('group.members')}</h2>
<ul class="group-members">${group.members.map(
      (member) =>
        html`<li><span class="email">${member.email}</span> · ${t('group.joined', { date: longDate(member.joinedAt) })}${form(`/members/${member.memberId}/remove`, html`<button type="submit">${t('group.remove')}</button>`)}</li>`,
    )}</ul>
</section>
<section aria-labelledby="invites"><h2 id="invites">${t('group.invites')}</h2>
${
  group.invites.length
    ? html`<ul class="group-invites">${group.invites.map(
        (invite) =>
          html`<li><span class="email">${invite.email}</span> · ${t('group.inviteExpires', { date: longDate(invite.expiresAt) })}${form(`/invites/${invite.id}/revoke`, html`<button type="submit">${t('group.revoke')}</button>`)}</li>`,
      )}</ul>`
    : html`<p>${t('group.noInvites')}</p>`
}
${form('/invites', html`<p><label for="emails">${t('group.inviteLabel')}</label><br><textarea id="emails" name="emails" rows="4" maxlength="20000" required></textarea></p><p><button type="submit">${t('group.invite')}</button></p>`)}
</section>
<section aria-labelledby="domain"><h2 id="domain">${t('group.domain')}</h2>
<p>${group.emailDomain ? t('group.domainIs', { domain: group.emailDomain }) : t('group.domainNone')}</p>
${form('/domain', html`<p><label for="domain-field">${t('group.domainLabel')}</label><br><input id="domain-field" name="domain" type="text" maxlength="253" value="${group.emailDomain ?? ''}" placeholder="example.org"></p><p><button type="submit">${t('group.domainSave')}</button></p>`)}
${group.emailDomain ? html`<p class="join-link">${t('group.domainLink')} <code>${site.publicUrl}/groups/${group.id}/join</code></p>` : ''}
</section>
${
  view.canManageBilling
    ? html`<section aria-labelledby="billing"><h2 id="billing">${t('group.billing')}</h2><form method="post" action="/account/billing">${csrfField(view.csrf)}<p>${t('group.billingHint')}</p><p><button type="submit">${t('member.billing.manage')}</button></p></form></section>`
    : ''
}`,
  );
}

/** A page about joining a group: what it is, and a button to take the seat when one may be taken. */
export function joinPage(
  site: SiteContext,
  view: { path: string; title: string; body: string; form?: { csrf: string; button: string }; links?: SafeHtml },
): string {
  return memberPage(
    site,
    view.title,
    view.path,
    html`<h1>${view.title}</h1><p class="join-message">${view.body}</p>${
      view.form
        ? html`<form method="post" action="${view.path}">${csrfField(view.form.csrf)}<p><button type="submit">${view.form.button}</button></p></form>`
        : ''
    }${view.links ?? ''}`,
  );
}

/** The account page's part: the groups the member manages, those they have a seat in (to leave), and those their address may join. */
export function accountGroupsSection(
  site: SiteContext,
  groups: { managed: GroupSummary[]; seated: GroupSummary[]; joinable: GroupSummary[] },
  csrf: string,
): SafeHtml | string {
  const { t } = site.t;
  if (groups.managed.length === 0 && groups.seated.length === 0 && groups.joinable.length === 0) return '';
  return html`<section aria-labelledby="groups"><h2 id="groups">${t('group.account.title')}</h2>
${groups.managed.map(
  (group) =>
    html`<p class="managed-group"><a href="${groupPath(group.id)}">${group.name}</a> · ${t('group.seats', { taken: group.seatsTaken, total: group.seats })}</p>`,
)}
${groups.seated.map(
  (group) =>
    html`<form method="post" action="/account/groups/${group.id}/leave" class="seated-group">${csrfField(csrf)}<p>${t('group.account.seated', { group: group.name, tier: group.tierName })} <button type="submit">${t('group.account.leave')}</button></p></form>`,
)}
${groups.joinable.map(
  (group) =>
    html`<p class="joinable-group">${t('group.account.joinable', { group: group.name, tier: group.tierName })} <a href="/groups/${group.id}/join">${t('group.account.join')}</a></p>`,
)}
</section>`;
}
