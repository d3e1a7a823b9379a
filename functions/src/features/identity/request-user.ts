import type { GrantItem, SessionItem, UserItem } from './identity-items';
import type { UserRepository } from './user-repository';
import { isLive } from './domain/session-liveness';

/** How an HTTP caller's session is looked up when nothing the request read has seen it yet. */
export interface SessionCheck {
  sessionId: string;
  /** AP124: the live session and the caller's items, or null when the session has ended. */
  read(): Promise<{ session: SessionItem; items: UserItem[] } | null>;
  nowSeconds(): number;
}

/**
 * The caller, known by pseudonym. Their items are read at most once per request.
 *
 * An HTTP caller holds a verified token whose session must still exist (logout and DELETE
 * /api/me end it at once). Whether it does is decided once per request by `live()`: by the
 * session read (AP124), unless the route's own read already looked at the session item
 * (`settle`, e.g. the one read an answer makes, AP125). Nothing may use a caller before
 * `live()` said yes; http/run-route.ts sees to that.
 */
export class RequestUser {
  private items: Promise<UserItem[]> | null = null;
  private liveness: Promise<boolean> | null;
  private sessionOpenid: string | null;
  private readonly check: SessionCheck | null;

  constructor(
    readonly userKey: string,
    private readonly users: UserRepository,
    /**
     * An HTTP session to check, or a caller trusted as is: the WeChat cloud adapter's (with its
     * openid) or a service's own (the CLI, the bench, tests).
     */
    from: { openid: string | null } | SessionCheck = { openid: null },
  ) {
    this.sessionOpenid = 'openid' in from ? from.openid : null;
    this.check = 'openid' in from ? null : from;
    this.liveness = this.check ? null : Promise.resolve(true);
  }

  /** Set for HTTP sessions; WeChat cloud calls have no session. */
  get sessionId(): string | null {
    return this.check?.sessionId ?? null;
  }

  /** For WeChat content security only; never logged, never stored beside answers. Known once live() said yes. */
  get openid(): string | null {
    return this.sessionOpenid;
  }

  /** Whether the caller's session still exists: read at most once (AP124, which brings the items too). */
  live(): Promise<boolean> {
    this.liveness ??= this.check!.read().then((found) => {
      if (!found) return false;
      this.sessionOpenid = found.session.openid ?? null;
      this.items = Promise.resolve(found.items);
      return true;
    });
    return this.liveness;
  }

  /**
   * The session item (or its absence) as a route's own read found it, so live() reads nothing.
   * The items are then read only if something asks for them.
   */
  settle(session: SessionItem | null): void {
    if (!this.check || this.liveness) return;
    const live = isLive(session, this.check.nowSeconds());
    if (live) this.sessionOpenid = session.openid ?? null;
    this.liveness = Promise.resolve(live);
  }

  allItems(): Promise<UserItem[]> {
    this.items ??= this.users.listItems(this.userKey);
    return this.items;
  }

  async grants(): Promise<GrantItem[]> {
    return (await this.allItems()).filter((item): item is GrantItem => item.kind === 'grant');
  }

  /** After a write, the next read must see it. */
  forget(): void {
    this.items = null;
  }
}
