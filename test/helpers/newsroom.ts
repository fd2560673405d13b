import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A browser's part in newsroom tests, over app.inject: it keeps cookies, reads each page's form token, and
 * posts forms from the site's own origin (as a browser's Sec-Fetch-Site says).
 */
export class NewsroomBrowser {
  readonly cookies = new Map<string, string>();
  lastPage = '';

  /** `address`: the client address the server sees (tests keep people apart, as the address throttle does). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly address = '127.0.0.1',
  ) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: this.cookieHeader(), remoteAddress: this.address });
    this.keep(response);
    this.lastPage = response.body;
    return response;
  }

  /** Posts `fields` with the form token of the page last opened (unless `_csrf` is given). */
  async post(url: string, fields: Record<string, string>, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ _csrf: this.formToken(), ...fields }).toString();
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.address,
      payload: body,
      headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
    this.keep(response);
    this.lastPage = response.body;
    return response;
  }

  formToken(): string {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastPage)?.[1] ?? '';
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {};
  }

  private keep(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}
