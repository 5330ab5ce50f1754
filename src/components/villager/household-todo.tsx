import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ExpiringCertificate, Waiting, WaitingAnswer, WaitingNotice } from '../../core/contracts/account'
import { noticeDueText } from '../../core/villager-labels'
import { BigButton } from '../big-button'
import './household-todo.css'

function stateText(notice: WaitingNotice, now: Date): string {
  if (notice.status === 'proof_submitted') return '整改照片已交，等村里核验'
  if (notice.status === 'overdue') return `${noticeDueText(notice.deadline, now)}，请找村里延期后再整改`
  return noticeDueText(notice.deadline, now)
}

/** What leads the card: the 整改 to do first, then what waits for the village, then the news. */
function titleOf(waits: HouseholdWaits): string {
  const toFix = waits.notices.filter((n) => n.status !== 'proof_submitted').length
  if (toFix > 0) return `您家有 ${toFix} 条整改要做`
  if (waits.notices.length > 0) return '您家的整改在等村里核验'
  return '您家有新的事要看'
}

type HouseholdWaits = Pick<Waiting, 'notices' | 'answers' | 'certificates'>

/**
 * What concerns the household, at the top of 首页 (the same rows account.waiting reports and the clock
 * reminds of): its open 整改 with the days left and one tap to the notice where the proof is taken (the
 * points come back once it is checked); an answer to a matter it raised or met too (我也遇到); a
 * 积分证明 about to expire. Nothing there, no card.
 */
export function HouseholdTodo({ waits }: { waits: HouseholdWaits }) {
  if (waits.notices.length + waits.answers.length + waits.certificates.length === 0) return null
  const now = new Date()
  return (
    <View className="card household-todo">
      <Text className="household-todo__title">{titleOf(waits)}</Text>
      {waits.notices.map((notice) => (
        <NoticeItem key={`notice-${notice.id}`} notice={notice} now={now} />
      ))}
      {waits.answers.map((answer) => (
        <AnswerItem key={`answer-${answer.id}`} answer={answer} />
      ))}
      {waits.certificates.map((certificate) => (
        <CertificateItem key={`certificate-${certificate.expiresAt}`} certificate={certificate} now={now} />
      ))}
    </View>
  )
}

function NoticeItem({ notice, now }: { notice: WaitingNotice; now: Date }) {
  return (
    <View className="household-todo__item">
      <Text className="household-todo__problem">{notice.problem || notice.ruleTitle || '整改通报'}</Text>
      <Text className={`household-todo__due household-todo__due--${notice.status}`}>{stateText(notice, now)}</Text>
      {notice.status === 'open' && <Text className="household-todo__hint">整改好了拍照上传，核验后扣的 {notice.points} 分加回来</Text>}
      <BigButton
        kind={notice.status === 'open' ? 'primary' : 'plain'}
        onClick={() => void Taro.navigateTo({ url: `/pages/notices/detail?id=${notice.id}` })}
      >
        {notice.status === 'open' ? '去整改' : '查看'}
      </BigButton>
    </View>
  )
}

function AnswerItem({ answer }: { answer: WaitingAnswer }) {
  const what = Array.from(answer.text).slice(0, 20).join('')
  return (
    <View className="household-todo__item">
      <Text className="household-todo__problem">{answer.raisedByUs ? '您提的事有办理结果了' : '您也遇到的事有办理结果了'}</Text>
      <Text className="household-todo__due household-todo__due--answer">{`“${what}”：${answer.outcome}`}</Text>
      {answer.raisedByUs && <Text className="household-todo__hint">请告诉村里问题解决了没有</Text>}
      <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: `/matters/detail/index?id=${answer.id}` })}>
        {answer.raisedByUs ? '看结果，评价一下' : '看结果'}
      </BigButton>
    </View>
  )
}

function CertificateItem({ certificate, now }: { certificate: ExpiringCertificate; now: Date }) {
  return (
    <View className="household-todo__item">
      <Text className="household-todo__problem">{`积分证明${noticeDueText(certificate.expiresAt, now)}`}</Text>
      <Text className="household-todo__hint">{`给${certificate.bankName}的积分证明快到期了，还要用的话请重新开一份`}</Text>
      <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/credit/certificate/index' })}>
        看积分证明
      </BigButton>
    </View>
  )
}
