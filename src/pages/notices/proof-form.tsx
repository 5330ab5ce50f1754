import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { submitNoticeProof } from '../../api/notice'
import { newRequestId } from '../../api/request-id'
import { askNoticeSubscription } from '../../api/subscribe'
import { BigButton } from '../../components/big-button'
import { PhotoPicker } from '../../components/photo-picker'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { usePhotoUploads } from '../../hooks/use-photo-uploads'
import type { NoticeView } from '../../core/contracts/notice'
import { MEMBER_WORDS } from '../../core/member-kind'

const MAX_PHOTOS = 3
const MAX_NOTE = 200

/**
 * 提交整改: 1–3 photos of the fixed place and a note, then a confirm step. The requestId is made when
 * the confirm step opens and reused on every retry, so a lost answer cannot submit twice.
 */
export function ProofForm({ notice, onSubmitted }: { notice: NoticeView; onSubmitted: (notice: NoticeView) => void }) {
  const checker = MEMBER_WORDS[notice.memberKind].checker
  const uploads = usePhotoUploads(MAX_PHOTOS)
  const [note, setNote] = useState('')
  const [requestId, setRequestId] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const check = () => {
    if (uploads.photos.length === 0) return setProblem('请至少拍一张整改后的照片')
    if (uploads.uploading > 0) return setProblem('照片还在上传，请稍等')
    setProblem(null)
    setRequestId(newRequestId())
  }

  const send = async () => {
    if (!requestId || sending) return
    // WeChat asks for a subscribe message only from a tap: first thing, not awaited.
    void askNoticeSubscription()
    setSending(true)
    setProblem(null)
    const text = note.trim()
    const envelope = await submitNoticeProof({ requestId, noticeId: notice.id, photos: uploads.fileIds, ...(text ? { note: text } : {}) })
    setSending(false)
    if (envelope.ok) onSubmitted(envelope.data)
    else setProblem(envelope.error.message)
  }

  if (requestId) {
    return (
      <View className="card">
        <Text className="section-title">请核对后提交</Text>
        <PhotoThumbs photos={uploads.fileIds} />
        <Text className="plain-text">说明：{note.trim() || '（没有写）'}</Text>
        <Text className="muted-text">提交后{checker}会来核验，核验通过就把扣掉的 {notice.points} 分加回来。</Text>
        {problem && <Text className="notices__problem">{problem}</Text>}
        <BigButton onClick={() => void send()}>{sending ? '正在提交…' : problem ? '重试提交' : '确认提交整改'}</BigButton>
        <BigButton kind="plain" onClick={() => setRequestId(null)}>
          返回修改
        </BigButton>
      </View>
    )
  }

  return (
    <View className="card">
      <Text className="section-title">提交整改</Text>
      <Text className="muted-text">整改好了，拍 1 到 3 张照片给{checker}看。</Text>
      <Text className="notices__label">照片</Text>
      <PhotoPicker uploads={uploads} />
      <Text className="notices__label">说明（可以不写）</Text>
      <Textarea
        className="notices__note"
        value={note}
        maxlength={MAX_NOTE}
        placeholder="比如：门口的杂物已经清走"
        onInput={(event) => setNote(event.detail.value)}
      />
      {problem && <Text className="notices__problem">{problem}</Text>}
      <BigButton onClick={check}>下一步：核对</BigButton>
    </View>
  )
}
