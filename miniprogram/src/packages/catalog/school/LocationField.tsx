import { Button, Input, Text, View } from '@tarojs/components';
import { FieldError } from '../../../components/field-error/FieldError';
import { chooseOnMap } from './choose-location';

/** 纬度 / 经度 in GCJ-02, typed or (in WeChat) picked on the map, which may fill the address too. */
export function LocationField({
  lat,
  lng,
  errors,
  onChange,
}: {
  lat: string;
  lng: string;
  errors: Record<string, string>;
  onChange: (next: { lat: string; lng: string; address?: string }) => void;
}) {
  const pick = async () => {
    const near = lat && lng && Number.isFinite(Number(lat)) && Number.isFinite(Number(lng)) ? { lat: Number(lat), lng: Number(lng) } : null;
    const place = await chooseOnMap(near);
    if (place) onChange({ lat: String(place.lat), lng: String(place.lng), address: place.address });
  };
  return (
    <View>
      <Text className="field__label">位置（GCJ-02，微信地图所用坐标）</Text>
      <View className="catalog-location">
        <View className="catalog-location__part">
          <Text className="field__hint">纬度</Text>
          <Input
            id="school-lat"
            className="field__input"
            type="digit"
            value={lat}
            onInput={(e) => onChange({ lat: e.detail.value, lng })}
          />
          <FieldError field="location.lat" errors={errors} />
        </View>
        <View className="catalog-location__part">
          <Text className="field__hint">经度</Text>
          <Input
            id="school-lng"
            className="field__input"
            type="digit"
            value={lng}
            onInput={(e) => onChange({ lat, lng: e.detail.value })}
          />
          <FieldError field="location.lng" errors={errors} />
        </View>
      </View>
      <FieldError field="location" errors={errors} />
      {process.env.TARO_ENV === 'weapp' ? (
        <Button id="school-map" size="mini" className="button-row__button catalog-location__map" onClick={() => void pick()}>
          在地图上选点
        </Button>
      ) : null}
    </View>
  );
}
