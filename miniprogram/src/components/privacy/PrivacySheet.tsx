import { Button, Text, View } from '@tarojs/components';
import { PRIVACY_PAGE, openPage } from '../../utils/routes';
import { AGREE_BUTTON_ID, answerPrivacy } from './privacy-authorization';
import './privacy-sheet.scss';

/**
 * The bottom sheet WeChat's privacy check asks for: a summary of the 隐私保护指引, a link to
 * the full 隐私政策, 拒绝, and the agree button. WeChat only records consent from a button
 * with open-type="agreePrivacyAuthorization"; its event then answers the waiting API.
 */
export function PrivacySheet() {
  return (
    <View className="privacy-sheet" id="privacy-sheet" catchMove>
      <View className="privacy-sheet__panel">
        <Text className="privacy-sheet__title">隐私保护指引</Text>
        <Text className="privacy-sheet__text">
          使用该功能前，请阅读并同意《隐私政策》。我们只收集提供服务所必需的信息：微信身份只保存为匿名编号，不收集手机号或孩子的姓名；查找附近的学校时，你的位置只用于这一次查找，不保存、不记录；管理员在地图上为学校选点时，只保存学校的坐标。你可随时在“我的
          → 删除我的数据”中删除全部数据。
        </Text>
        <Text className="privacy-sheet__link" id="privacy-link" onClick={() => openPage(PRIVACY_PAGE)}>
          查看《隐私政策》
        </Text>
        <View className="privacy-sheet__actions">
          <Button id="disagree-privacy" className="privacy-sheet__no" onClick={() => answerPrivacy('disagree')}>
            拒绝
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="privacy-sheet__yes"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answerPrivacy('agree')}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
