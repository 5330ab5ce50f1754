import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { raiseMatter } from '../../api/matter'
import { askNoticeSubscription } from '../../api/subscribe'
import { BigButton } from '../../components/big-button'
import { FieldProblem } from '../../components/field-problem'
import { PhotoPicker } from '../../components/photo-picker'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useFormProblems } from '../../hooks/use-form-problems'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { usePhotoUploads } from '../../hooks/use-photo-uploads'
import '../matters.css'

const MAX_PHOTOS = 9

/** 我要议事: a photo first, then a few words and the place; it goes to my micro-grid's 连心议站. */
export default function RaiseMatterPage() {
  const elder = useElderMode()
  const uploads = usePhotoUploads(MAX_PHOTOS)
  const [text, setText] = useState('')
  const [place, setPlace] = useState('')
  const [showName, setShowName] = useState(false)
  const problems = useFormProblems(['text', 'place', 'photos'] as const)
  const [sending, setSending] = useState(false)
  const intent = useIntentRequestId()

  const send = async () => {
    if (sending) return
    if (text.trim().length < 4) return problems.show({ field: 'text', message: '请用几句话说说遇到的问题或建议（至少 4 个字）' })
    if (uploads.uploading > 0) return problems.show({ field: 'photos', message: '照片还在上传，请稍等' })
    problems.clear()
    // 「办理有结果时通知我」: WeChat asks only from a tap, so first, before anything is awaited.
    void askNoticeSubscription()
    setSending(true)
    const input = { text: text.trim(), place: place.trim(), photos: uploads.fileIds, showName }
    const envelope = await raiseMatter({ requestId: intent.idFor(input), ...input })
    setSending(false)
    if (!envelope.ok) return problems.show(envelope.error)
    intent.done()
    void Taro.redirectTo({ url: `/matters/detail/index?id=${envelope.data.id}` })
  }

  return (
    <View className={`screen matters ${elder.rootClass}`}>
      <View className="card">
        <Text className="section-title">1. 拍张照片</Text>
        <PhotoPicker uploads={uploads} />
        <FieldProblem text={problems.of('photos')} />
      </View>
      <View className="card">
        <Text className="section-title">2. 说说什么事</Text>
        <View className="matters__raise-text">
          <Textarea
            className="matters__textarea"
            value={text}
            maxlength={300}
            placeholder="比如：村西小桥桥面坑洼，电瓶车容易摔"
            onInput={(event) => setText(event.detail.value)}
          />
        </View>
        <FieldProblem text={problems.of('text')} />
        <View className="matters__raise-place">
          <Input className="matters__input" value={place} maxlength={60} placeholder="在哪里（可以不写）" onInput={(event) => setPlace(event.detail.value)} />
        </View>
        <FieldProblem text={problems.of('place')} />
      </View>
      <View className="card">
        <Text className="section-title">3. 公开栏上写不写您的名字</Text>
        <View className={`matters__choice ${showName ? '' : 'matters__choice--on'}`} onClick={() => setShowName(false)}>
          {showName ? '○' : '●'} 不写名字（只写“张**”）
        </View>
        <View className={`matters__choice ${showName ? 'matters__choice--on' : ''}`} onClick={() => setShowName(true)}>
          {showName ? '●' : '○'} 写我的名字
        </View>
      </View>
      <FieldProblem text={problems.general} />
      <BigButton onClick={() => void send()}>{sending ? '正在提交…' : '提交到连心议站'}</BigButton>
      <Text className="muted-text">网格长收到后会先看是不是要办，办理的每一步都会通知您。</Text>
    </View>
  )
}
