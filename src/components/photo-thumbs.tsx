import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { photoSrc } from '../api/photos'
import { PHOTO_CHECKING_LABEL } from '../core/photo-check'
import './photo-thumbs.css'

/**
 * Photos as thumbnails; a tap opens them full screen (Taro.previewImage), swipe for the others. Photos
 * still in WeChat's check read 「照片审核中」 (`inCheck` of them), and `note` tells an uploader why a
 * photo of theirs is hidden.
 */
export function PhotoThumbs({ photos, inCheck = 0, note = null }: { photos: readonly string[]; inCheck?: number; note?: string | null }) {
  if (photos.length === 0 && inCheck === 0 && !note) return null
  const urls = photos.map(photoSrc)
  return (
    <View>
      {urls.length > 0 && (
        <View className="photo-thumbs">
          {urls.map((url) => (
            <Image
              key={url}
              className="photo-thumbs__item"
              src={url}
              mode="aspectFill"
              lazyLoad
              onClick={() => void Taro.previewImage({ urls, current: url })}
            />
          ))}
        </View>
      )}
      {inCheck > 0 && (
        <Text className="plain-text photo-thumbs__checking">
          {PHOTO_CHECKING_LABEL}（{inCheck} 张）
        </Text>
      )}
      {note && <Text className="plain-text photo-thumbs__note">{note}</Text>}
    </View>
  )
}
