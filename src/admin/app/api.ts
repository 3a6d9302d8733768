/** What the admin API answered when it refused, or that it could not be reached (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** What the API said about each field it refused, when it named them. */
  readonly fields: ReadonlyArray<{ field: string; message: string }>;
  /** What some refusals add to act on (ARTICLE_CHANGED: who changed the article, when, its version now). */
  readonly details: Record<string, unknown> | undefined;
  constructor(
    status: number,
    code: string,
    message: string,
    fields: ReadonlyArray<{ field: string; message: string }> = [],
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

let csrfToken: string | undefined;

/** Changes made with the session cookie carry the session's CSRF token (see src/admin/auth.ts). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/**
 * Calls the admin JSON API (/admin/api) with the session cookie, and throws ApiError when refused.
 * `keepalive` lets a request made as the page closes finish after it (saying "I left an article");
 * `contentType` sends a text body as it is (a CSV file) instead of as JSON.
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { keepalive?: boolean; contentType?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/admin/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.keepalive ? { keepalive: true } : {}),
      ...(body === undefined ? {} : { body: options.contentType ? String(body) : JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'OFFLINE', 'Gaceta could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as {
    error?: {
      code?: string;
      message?: string;
      fields?: Array<{ field: string; message: string }>;
      details?: Record<string, unknown>;
    };
  } | null;
  if (!response.ok)
    throw new ApiError(
      response.status,
      data?.error?.code ?? `HTTP_${response.status}`,
      data?.error?.message ?? response.statusText,
      data?.error?.fields ?? [],
      data?.error?.details,
    );
  return data as T;
}

/**
 * Sends a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress:
 * `onProgress` gets the fraction sent, 0 to 1. Refusals throw ApiError as api() does.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/admin/api${path}`);
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const data = request.response as (T & { error?: { code?: string; message?: string } }) | null;
      if (request.status >= 200 && request.status < 300) resolve(data as T);
      else
        reject(
          new ApiError(
            request.status,
            data?.error?.code ?? `HTTP_${request.status}`,
            data?.error?.message ?? request.statusText,
          ),
        );
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'OFFLINE', 'Gaceta could not be reached.')));
    request.send(form);
  });
}

export interface Staff {
  id: string;
  name: string;
  email: string;
  role: string;
  /** Their own language; null speaks the site's. */
  locale: 'en' | 'es' | null;
  /** Two-factor sign-in is on. */
  twoFactor: boolean;
}

/** What signing in gives the app (POST /session, an accepted invitation, a reset password). */
export interface SignedIn {
  staff: Staff;
  csrfToken: string;
  /** The site requires two-factor sign-in and this member of staff must turn it on first. */
  twoFactorSetupRequired: boolean;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  status: string;
  headline: string;
  publishedAt: string | null;
  modifiedAt: string;
  createdBy: string | null;
}
