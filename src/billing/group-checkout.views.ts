import { html } from '../http/html.ts';
import { pricePerInterval } from '../members/account-billing.views.ts';
import { memberPage } from '../members/members.views.ts';
import type { SiteContext } from '../site/site-context.ts';
import type { Tier } from './tiers.presenter.ts';

/** What the "For organisations" form shows again after a mistake. */
export interface GroupForm {
  csrf: string;
  /** The paid tiers on offer, with their active prices. */
  tiers: Tier[];
  name: string;
  price: string;
  seats: string;
  domain: string;
  /** What was wrong with the last attempt, in the reader's language. */
  problems: string[];
}

/** The group purchase form: organisation, plan, seats, optional email domain. */
export function groupFormPage(site: SiteContext, form: GroupForm): string {
  const { t } = site;
  const options = form.tiers.flatMap((tier) =>
    tier.prices.map(
      (price) =>
        html`<option value="${price.id}"${price.id === form.price ? html` selected` : ''}>${tier.name} · ${t.t('group.new.perSeat', { price: pricePerInterval(t, price.amount, price.currency, price.interval) })}</option>`,
    ),
  );
  const title = t.t('group.new.title');
  return memberPage(
    site,
    title,
    '/groups/new',
    html`<h1>${title}</h1>
<p>${t.t('group.new.intro')}</p>
${form.problems.length ? html`<ul class="problems" role="alert">${form.problems.map((problem) => html`<li>${problem}</li>`)}</ul>` : ''}
<form method="post" action="/groups/new"><input type="hidden" name="csrf" value="${form.csrf}">
<p><label for="name">${t.t('group.new.name')}</label><br><input id="name" name="name" type="text" maxlength="120" required value="${form.name}"></p>
<p><label for="price">${t.t('group.new.plan')}</label><br><select id="price" name="price" required>${options}</select></p>
<p><label for="seats">${t.t('group.new.seats')}</label><br><input id="seats" name="seats" type="number" min="2" max="1000" step="1" required value="${form.seats}"></p>
<p><label for="domain">${t.t('group.new.domain')}</label><br><input id="domain" name="domain" type="text" maxlength="253" placeholder="example.org" value="${form.domain}"><br><small>${t.t('group.new.domainHint')}</small></p>
<p>${t.t('group.new.next')}</p>
<p><button type="submit">${t.t('checkout.confirm.pay')}</button></p>
</form>
<p><a href="/pricing">${t.t('checkout.plans')}</a></p>`,
  );
}

/** For a reader not signed in: an account first (the buyer manages the group), then back here. */
export function groupSignInFirstPage(site: SiteContext): string {
  const { t } = site;
  const title = t.t('group.new.title');
  const back = encodeURIComponent('/groups/new');
  return memberPage(
    site,
    title,
    '/groups/new',
    html`<h1>${title}</h1><p>${t.t('group.new.intro')}</p><p>${t.t('group.new.signInFirst')}</p>
<p><a class="button" href="/signup?from=${back}">${t.t('checkout.signUp')}</a> <a href="/signin?from=${back}">${t.t('checkout.signIn')}</a></p>`,
  );
}
