import type { GrantItem, UserItem } from './identity-items';
import type { UserRepository } from './user-repository';

/** The caller, known by pseudonym. Their items are read at most once per request. */
export class RequestUser {
  private items: Promise<UserItem[]> | null = null;

  constructor(
    readonly userKey: string,
    /** Set for HTTP sessions; WeChat cloud calls have no session. */
    readonly sessionId: string | null,
    private readonly users: UserRepository,
    /** For WeChat content security only; never logged, never stored beside answers. */
    readonly openid: string | null = null,
    /** Read with the session (AP124): this request's items, so allItems reads nothing more. */
    items?: UserItem[],
  ) {
    if (items) this.items = Promise.resolve(items);
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
