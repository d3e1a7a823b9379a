/** What 订阅本集团动态 answers: how many one-time notices the caller now holds for the group. Types only. */
export interface NewsSubscribed {
  pending: number;
}
