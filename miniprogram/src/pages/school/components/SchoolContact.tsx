import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SchoolDetail } from '../../../../../shared';
import { Section } from '../../../components/section/Section';
import './school-contact.scss';

type Contact = Pick<SchoolDetail, 'name' | 'address' | 'location' | 'phone' | 'intro'>;

/**
 * 学校信息: the address (with 查看地图 when the district gave coordinates), the phone (tap to
 * call) and the short introduction. Nothing shows for what the district did not enter.
 */
export function SchoolContact({ school }: { school: Contact }) {
  const { address, location, phone, intro } = school;
  if (!address && !location && !phone && !intro) return null;
  return (
    <Section title="学校信息" className="school-contact">
      {address ? (
        <View className="school-contact__row">
          <Text className="school-contact__label">地址</Text>
          <Text className="school-contact__value" id="school-address">
            {address}
          </Text>
        </View>
      ) : null}
      {phone ? (
        <View className="school-contact__row school-contact__row--link" id="school-phone" onClick={() => void call(phone)}>
          <Text className="school-contact__label">电话</Text>
          <Text className="school-contact__value school-contact__phone">{phone}</Text>
        </View>
      ) : null}
      {location ? (
        <Button className="school-contact__map" id="school-map" size="mini" onClick={() => void openMap(school, location)}>
          查看地图
        </Button>
      ) : null}
      {intro ? (
        <Text className="school-contact__intro" id="school-intro">
          {intro}
        </Text>
      ) : null}
    </Section>
  );
}

/** The phone app's dialer with the number filled in; the parent still confirms the call. */
function call(phone: string) {
  // Spaces and dashes are how districts write numbers (0531-86012345); the dialer wants digits.
  return Taro.makePhoneCall({ phoneNumber: phone.replace(/[^0-9]/g, '') }).catch(() => undefined);
}

/**
 * WeChat's own map at the school. The coordinates are GCJ-02, which wx.openLocation expects.
 * It reads no position of the user, so it needs no privacy authorization: the interfaces that
 * do are listed in 小程序用户隐私保护指引内容介绍
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html:
 * wx.getLocation, wx.chooseLocation, wx.choosePoi … for location), and wx.openLocation is not
 * among them (https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html).
 */
function openMap(school: Contact, location: NonNullable<Contact['location']>) {
  return Taro.openLocation({
    latitude: location.lat,
    longitude: location.lng,
    name: school.name,
    address: school.address ?? '',
    scale: 16,
  }).catch(() => undefined);
}
