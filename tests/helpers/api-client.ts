import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { ORIGIN } from './test-app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Talks to the app through HTTP (app.inject) like a browser would: cookie jar, Origin, language. */
export class ApiClient {
  cookie: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    public locale: 'sv' | 'en' = 'sv',
  ) {}

  async request(method: Method, url: string, body?: unknown, extra: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { 'accept-language': this.locale };
    if (method !== 'GET') headers.origin = ORIGIN;
    if (this.cookie) headers.cookie = this.cookie;
    const response = await this.app.inject({
      method,
      url,
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
      ...extra,
      headers: { ...headers, ...(extra.headers as Record<string, string> | undefined) },
    });
    const session = response.cookies.find((c) => c.name === 'session' || c.name === '__Host-session');
    if (session) this.cookie = session.value && (!session.expires || session.expires.getTime() > Date.now()) ? `${session.name}=${session.value}` : null;
    return response;
  }

  get = (url: string, extra?: Partial<InjectOptions>) => this.request('GET', url, undefined, extra);
  post = (url: string, body?: unknown, extra?: Partial<InjectOptions>) => this.request('POST', url, body, extra);
  put = (url: string, body?: unknown, extra?: Partial<InjectOptions>) => this.request('PUT', url, body, extra);
  patch = (url: string, body?: unknown, extra?: Partial<InjectOptions>) => this.request('PATCH', url, body, extra);
  delete = (url: string, extra?: Partial<InjectOptions>) => this.request('DELETE', url, undefined, extra);

  async signIn(email: string, password: string) {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.statusCode} ${response.body}`);
    return response.json().user;
  }
}
