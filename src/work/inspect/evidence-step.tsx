import { Text, Textarea, View } from '@tarojs/components'
import { BigButton } from '../../components/big-button'
import type { RuleView } from '../../core/contracts/score'
import { PhotoPicker } from '../../components/photo-picker'
import type { PhotoUploads } from '../../hooks/use-photo-uploads'
import { PointsText } from '../../components/points-text'

type Props = {
  rule: RuleView
  uploads: PhotoUploads
  note: string
  onNote: (note: string) => void
  onNext: () => void
  onBack: () => void
}

const NOTE_MAX = 200

/** Step 3: evidence photos (required when the rule says so) and an optional note. */
export function EvidenceStep({ rule, uploads, note, onNote, onNext, onBack }: Props) {
  const photoMissing = rule.evidenceRequired && uploads.photos.length === 0
  return (
    <View>
      <View className="card inspect__rule-summary">
        <Text className="inspect__rule-title">{rule.title}</Text>
        <PointsText points={rule.points} size="large" />
      </View>
      <View className="card">
        <Text className="section-title">{rule.evidenceRequired ? '拍照留证（必须）' : '拍照留证（可以不拍）'}</Text>
        <PhotoPicker uploads={uploads} />
      </View>
      <View className="card">
        <Text className="section-title">说明（可以不写）</Text>
        <Textarea
          className="inspect__note"
          value={note}
          maxlength={NOTE_MAX}
          autoHeight
          placeholder="例如：门口堆了建筑垃圾"
          onInput={(event) => onNote(event.detail.value)}
        />
        <Text className="muted-text">
          {note.length} / {NOTE_MAX} 字
        </Text>
      </View>
      {photoMissing || uploads.uploading > 0 ? (
        <Text className="inspect__warning">{uploads.uploading > 0 ? '照片还在上传，请稍等。' : '这条细则必须拍照留证，请先拍一张照片。'}</Text>
      ) : (
        <BigButton onClick={onNext}>下一步：核对</BigButton>
      )}
      <BigButton kind="plain" onClick={onBack}>
        上一步：重新选细则
      </BigButton>
    </View>
  )
}
