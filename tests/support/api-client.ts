import type { Hono } from 'hono';
import type { Role, Session } from '../../shared';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export const DEMO_LOGIN: Record<Role, object> = {
  parent: { role: 'parent' },
  teacher: { role: 'teacher', schoolId: 'jn-jingbalu-ps' },
  group_admin: { role: 'group_admin', groupIds: ['jn-jingwu'] },
  district_admin: { role: 'district_admin', districtId: 'jinan-shizhong' },
};

/** Calls the core in-process, as a client with (or without) a session token would. */
export class TestClient {
  constructor(
    private readonly app: Pick<Hono<any>, 'request'>,
    public token: string | null = null,
  ) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const res = await this.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }

  /** Dev login (needs AUTH_DEV_LOGIN=1 on a local core); keeps the token. */
  async devLogin(role: Role | object): Promise<Session> {
    const answer = await this.call<Session>('POST', '/api/auth/dev', typeof role === 'string' ? DEMO_LOGIN[role] : role);
    if (answer.status !== 200) throw new Error(`dev login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.token = answer.body.token;
    return answer.body;
  }
}
