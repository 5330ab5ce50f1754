import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { photoSrc } from '../api/photos'
import './photo-thumbs.css'

/** Photos as thumbnails; a tap opens them full screen (Taro.previewImage), swipe for the others. */
export function PhotoThumbs({ photos }: { photos: readonly string[] }) {
  if (photos.length === 0) return null
  const urls = photos.map(photoSrc)
  return (
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
  )
}
