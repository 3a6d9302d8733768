/** One field the API refused, as its 400s and 409s name them (`slug`, `headerNavigation/2/url`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** What the admin API answered when it refused, or that it could not be reached (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldProblem[];
  constructor(status: number, code: string, message: string, fields: readonly FieldProblem[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type ErrorBody = { error?: { code?: string; message?: string; fields?: FieldProblem[] } } | null;

function refusal(status: number, statusText: string, data: ErrorBody): ApiError {
  return new ApiError(
    status,
    data?.error?.code ?? `HTTP_${status}`,
    data?.error?.message ?? statusText,
    data?.error?.fields ?? [],
  );
}

let csrfToken: string | undefined;

/** Changes made with the session cookie carry the session's CSRF token (see src/admin/auth.ts). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Calls the admin JSON API (/admin/api) with the session cookie, and throws ApiError when refused. */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/admin/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'OFFLINE', 'Gaceta could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as ErrorBody;
  if (!response.ok) throw refusal(response.status, response.statusText, data);
  return data as T;
}

/**
 * Sends a multipart form (an upload) to the admin API, reporting progress as a fraction from 0 to 1:
 * fetch() cannot tell how much of a body has been sent, XMLHttpRequest can.
 */
export function apiUpload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/admin/api${path}`);
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) resolve(request.response as T);
      else reject(refusal(request.status, request.statusText, request.response as ErrorBody));
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
