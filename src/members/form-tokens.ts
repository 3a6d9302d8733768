import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * CSRF protection for reader forms, signed in or out (docs/decisions.md "Reader forms carry a signed
 * double-submit token"): a random cookie per browser, and in each form an HMAC of it under the
 * site's key. A page of another site can neither read the cookie nor compute the HMAC; a cookie
 * planted by a neighbouring subdomain has no matching token. The cookie is scoped to the pages that
 * post forms (/signin, /account, /subscribe, /contribute, /gift), so reader pages never receive it and a cache in front of Gaceta
 * (which passes requests carrying gaceta_* cookies) keeps serving them to signed-out readers.
 */
export const FORM_COOKIE = 'gaceta_form';
/** Where forms post: /signin (and /signin/code) for signed-out readers, /account/…, /subscribe, /gift and /groups/… for members. */
export type FormScope = '/signin' | '/account' | '/subscribe' | '/contribute' | '/gift' | '/groups';
const COOKIE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function formTokens(claimKey: Buffer, secureCookies: boolean) {
  const key = createHmac('sha256', claimKey).update('reader form tokens').digest();
  const tokenOf = (cookie: string): string => createHmac('sha256', key).update(cookie).digest('base64url');
  return {
    /** The token for this browser's forms, setting the cookie first when it has none. */
    issue(request: FastifyRequest, reply: FastifyReply, scope: FormScope): string {
      let cookie = request.url.startsWith(scope) ? request.cookies[FORM_COOKIE] : undefined;
      if (!cookie || !COOKIE_PATTERN.test(cookie)) {
        cookie = randomBytes(32).toString('base64url');
        reply.setCookie(FORM_COOKIE, cookie, { path: scope, httpOnly: true, sameSite: 'lax', secure: secureCookies });
      }
      return tokenOf(cookie);
    },
    /** Whether a form's token was made for this browser's cookie. */
    check(request: FastifyRequest, token: string | undefined): boolean {
      const cookie = request.cookies[FORM_COOKIE];
      if (!cookie || !token || !COOKIE_PATTERN.test(cookie)) return false;
      const expected = Buffer.from(tokenOf(cookie));
      const actual = Buffer.from(token);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}

export type FormTokens = ReturnType<typeof formTokens>;
