import { ApiError } from '../../errors';

/** No WeChat app (WECHAT_APP_ID / WECHAT_APP_SECRET) on this deployment: nothing to ask WeChat with. */
export class WeChatNotConfiguredError extends ApiError {
  constructor() {
    super(503, 'WECHAT_NOT_CONFIGURED', '本服务尚未配置微信登录，请联系管理员');
  }
}
