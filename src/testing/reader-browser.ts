import type { TestApp } from './harness.ts';

/**
 * A reader's browser over app.inject(): it keeps the cookies it is given and sends them back, so a
 * test can open an emailed link in "another browser" (a new one, with none of the asking one's).
 */
export class ReaderBrowser {
  readonly cookies = new Map<string, string>();
  /** Each cookie's Path: sent only to addresses under it, as a browser does. */
  readonly #paths = new Map<string, string>();
  readonly #app: TestApp;
  readonly #ip: string;

  constructor(app: TestApp, ip = '127.0.0.1') {
    this.#app = app;
    this.#ip = ip;
  }

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>) {
    const path = url.split('?')[0] ?? '/';
    const sent = [...this.cookies].filter(([name]) => {
      const scope = this.#paths.get(name) ?? '/';
      return scope === '/' || path === scope || path.startsWith(`${scope}/`);
    });
    const cookie = sent.map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.#app.app.inject({
      method,
      url,
      remoteAddress: this.#ip,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    for (const set of response.cookies) {
      if (set.maxAge === 0 || set.value === '') this.cookies.delete(set.name);
      else {
        this.cookies.set(set.name, set.value);
        this.#paths.set(set.name, typeof set.path === 'string' ? set.path : '/');
      }
    }
    return response;
  }

  get = (url: string) => this.request('GET', url);

  /** Submits a form found on a page at `page`, with its CSRF token and the given fields. */
  async submit(page: string, action: string, fields: Record<string, string>) {
    const csrf = /name="csrf" value="([^"]+)"/.exec((await this.get(page)).body)?.[1];
    if (!csrf) throw new Error(`no form token on ${page}`);
    return this.request('POST', action, { csrf, ...fields });
  }
}
