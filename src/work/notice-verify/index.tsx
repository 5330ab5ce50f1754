import { Text, View } from '@tarojs/components'
import { noticesAwaitingCheck, verifyNotice } from '../../api/notice-work'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { NoticeCard } from '../../components/notice/notice-card'
import { OnlyOverdueBar, useOnlyOverdue } from '../../components/only-overdue'
import type { NoticeView } from '../../core/contracts/notice'
import { MEMBER_WORDS } from '../../core/member-kind'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { DecisionPanel } from '../components/decision-panel'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import { useStaffOrgs } from '../../hooks/use-staff-orgs'
import { ExtendPanel } from './extend-panel'
import { WithScope } from '../../components/with-scope'
import './index.css'

/**
 * 整改核验 (router param orgId): 待核验 with the household's proof photos, and 逾期 notices to extend.
 * With `only=overdue` (首页's overdue count) it opens on the 逾期 ones alone, and says so.
 */
export default function NoticeVerifyPage() {
  return (
    <WithScope permission="score" kinds={['village', 'community', 'grid', 'micro_grid', 'alliance']} question="核验哪里的整改？">
      {(orgId) => <NoticeVerify orgId={orgId} />}
    </WithScope>
  )
}

function NoticeVerify({ orgId }: { orgId: string }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => noticesAwaitingCheck(orgId), [orgId])
  const cadreOrgs = useStaffOrgs('decideScores')
  const mayExtend = cadreOrgs.state.status === 'ok' && cadreOrgs.state.data.length > 0
  const [onlyOverdue, setOnlyOverdue] = useOnlyOverdue()
  useReloadOnReturn(reload)
  return (
    <View className={`screen ${elder.rootClass} notice-verify`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <OnlyOverdueBar
              only={onlyOverdue}
              onChange={setOnlyOverdue}
              overdue={data.overdue.length}
              all={data.toVerify.length + data.overdue.length}
              unit="条"
            />
            {!onlyOverdue && <Text className="section-title">待核验（{data.toVerify.length}）</Text>}
            {!onlyOverdue && data.toVerify.length === 0 && <Text className="plain-text notice-verify__empty">没有等待核验的整改。</Text>}
            {!onlyOverdue && data.toVerify.map((notice) => (
              <NoticeCard key={notice.id} notice={notice}>
                <ProofView notice={notice} />
                <DecisionPanel
                  noteLabel={`退回时请写明原因（会告诉${MEMBER_WORDS[notice.memberKind].this}）`}
                  actions={[
                    { key: 'accept', label: '通过', kind: 'primary', question: `确定通过？${MEMBER_WORDS[notice.memberKind].this}扣的 ${notice.points} 分会加回。`, doneText: '已通过，积分已返还' },
                    { key: 'reject', label: '退回', kind: 'plain', question: `确定退回？${MEMBER_WORDS[notice.memberKind].this}要重新整改。`, doneText: `已退回，${MEMBER_WORDS[notice.memberKind].this}会看到原因` },
                  ]}
                  run={(key, note, requestId) =>
                    verifyNotice({ requestId, noticeId: notice.id, accept: key === 'accept', ...(note ? { reason: note } : {}) })
                  }
                />
              </NoticeCard>
            ))}
            <Text className="section-title">逾期没整改（{data.overdue.length}）</Text>
            {data.overdue.length === 0 && <Text className="plain-text notice-verify__empty">没有逾期的通报。</Text>}
            {data.overdue.map((notice) => (
              <NoticeCard key={notice.id} notice={notice}>
                {mayExtend ? (
                  <ExtendPanel noticeId={notice.id} />
                ) : (
                  <Text className="muted-text">延期请找{MEMBER_WORDS[notice.memberKind].keeper}。</Text>
                )}
              </NoticeCard>
            ))}
            <BigButton kind="plain" onClick={reload}>
              刷新
            </BigButton>
          </View>
        )}
      </Loaded>
    </View>
  )
}

function ProofView({ notice }: { notice: NoticeView }) {
  if (!notice.proof) return null
  return (
    <View className="notice-verify__proof">
      <Text className="notice-verify__proof-title">{MEMBER_WORDS[notice.memberKind].this}提交的整改照片{notice.proof.at ? `（${formatLocalTime(notice.proof.at)}）` : ''}</Text>
      {notice.proof.note && <Text className="plain-text">说明：{notice.proof.note}</Text>}
      <PhotoThumbs photos={notice.proof.photos} inCheck={notice.proof.photosInCheck} note={notice.proof.photoNote} />
      {notice.rejectionReason && <Text className="muted-text">上次退回的原因：{notice.rejectionReason}</Text>}
    </View>
  )
}
