import { Image, Text, View } from '@tarojs/components'
import type { PhotoUploads } from '../hooks/use-photo-uploads'
import { BigButton } from './big-button'
import { PrivacyPopup } from './privacy-popup'
import './photo-picker.css'

/**
 * 拍照: the photos taken so far, each with a 删除 button, the upload progress, the server's message
 * when an upload fails, and a button to take or pick more (up to the form's maximum).
 */
export function PhotoPicker({ uploads }: { uploads: PhotoUploads }) {
  const { photos, uploading, error, max } = uploads
  return (
    <View className="photo-picker">
      <Text className="muted-text">
        已有 {photos.length} 张，最多 {max} 张
      </Text>
      <View className="photo-picker__photos">
        {photos.map((photo) => (
          <View key={photo.localPath} className="photo-picker__item">
            <Image className="photo-picker__photo" src={photo.localPath} mode="aspectFill" />
            <View className="photo-picker__remove" onClick={() => uploads.remove(photo.localPath)}>
              <Text>删除</Text>
            </View>
          </View>
        ))}
      </View>
      {uploading > 0 && <Text className="plain-text">正在上传 {uploading} 张照片，请稍等…</Text>}
      {error && <Text className="photo-picker__error">{error}</Text>}
      {photos.length + uploading < max && (
        <BigButton kind="plain" onClick={() => void uploads.pick()}>
          {photos.length === 0 ? '拍照或选照片' : '再加一张照片'}
        </BigButton>
      )}
      <PrivacyPopup />
    </View>
  )
}
