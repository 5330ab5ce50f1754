import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { bulletinCandidates, postBulletin } from '../../api/notice-work'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { NoticeCard } from '../../components/notice/notice-card'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { WithScope } from '../../components/with-scope'
import './index.css'

/**
 * 发布整改通报 (router param orgId, a village): tick the open notices not yet posted, confirm, and the
 * 通报 page opens to share into the village's WeChat groups.
 */
export default function NoticePostPage() {
  return (
    <WithScope permission="decideScores" kinds={['village']} question="给哪个村发通报？">
      {(orgId) => <NoticePost orgId={orgId} />}
    </WithScope>
  )
}

function NoticePost({ orgId }: { orgId: string }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => bulletinCandidates(orgId), [orgId])
  const [picked, setPicked] = useState<Set<number>>(new Set())
  const [requestId, setRequestId] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  // Every candidate ticked at first: a day's inspection results usually go out together.
  useEffect(() => {
    setPicked(new Set(state.status === 'ok' ? state.data.map((n) => n.id) : []))
  }, [state])

  const toggle = (id: number) =>
    setPicked((set) => {
      const next = new Set(set)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const send = async () => {
    if (!requestId || sending) return
    setSending(true)
    setProblem(null)
    const envelope = await postBulletin({ requestId, orgId, noticeIds: [...picked] })
    setSending(false)
    if (envelope.ok) void Taro.redirectTo({ url: `/pages/notices/bulletin?id=${envelope.data.id}` })
    else setProblem(envelope.error.message)
  }

  const candidates = state.status === 'ok' ? state.data : []
  return (
    <View className={`screen ${elder.rootClass} notice-post`}>
      <Loaded state={state} onRetry={reload}>
        {() => (
          <>
            {requestId === null && (
              <View>
                <Text className="section-title">还没通报的整改（{candidates.length}）</Text>
                {candidates.length === 0 && <Text className="plain-text notice-post__empty">没有要通报的。入户评分扣了可整改的分，就会出现在这里。</Text>}
                {candidates.map((notice) => (
                  <View key={notice.id} className={`notice-post__pick ${picked.has(notice.id) ? 'notice-post__pick--on' : ''}`} onClick={() => toggle(notice.id)}>
                    <Text className="notice-post__mark">{picked.has(notice.id) ? '☑ 要通报' : '☐ 不通报'}</Text>
                    <NoticeCard notice={notice} />
                  </View>
                ))}
                {problem && <Text className="notice-post__problem">{problem}</Text>}
                {candidates.length > 0 && (
                  <BigButton
                    onClick={() => {
                      if (picked.size === 0) return setProblem('请至少选一户')
                      setProblem(null)
                      setRequestId(newRequestId())
                    }}
                  >
                    下一步：核对（已选 {picked.size} 户）
                  </BigButton>
                )}
              </View>
            )}
            {requestId !== null && (
              <View className="card">
                <Text className="section-title">发布这期通报？</Text>
                <Text className="plain-text">共 {picked.size} 户。发布后在村里各组的通报里能看到，再分享到村民群。</Text>
                <Text className="muted-text">群里和海报上只显示打码的户名（如“1组 张**”），不显示电话和身份证号。</Text>
                {problem && <Text className="notice-post__problem">{problem}</Text>}
                <BigButton onClick={() => void send()}>{sending ? '正在发布…' : problem ? '重试发布' : `确认发布（${picked.size} 户）`}</BigButton>
                <BigButton
                  kind="plain"
                  onClick={() => {
                    setRequestId(null)
                    setProblem(null)
                  }}
                >
                  返回修改
                </BigButton>
              </View>
            )}
          </>
        )}
      </Loaded>
    </View>
  )
}
