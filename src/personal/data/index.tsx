import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { exportMyData, myData, withdraw } from '../../api/my-data'
import { saveExport } from '../../api/save-export'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { MyData, WithdrawResult } from '../../core/contracts/account'
import { formatYuan } from '../../core/money'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { useWhoAmI } from '../../hooks/use-whoami'
import { MyShopCard } from './my-shop-card'
import './index.css'

/**
 * 我的信息 (我的 → 我的信息): everything the app holds about me and my household, a copy as one table
 * file, and 解除绑定 with what goes and what stays said plainly before I confirm; a shop's owner first sees
 * 我的店 with 解除店铺绑定.
 */
export default function MyDataPage() {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(myData, [])
  const me = useWhoAmI()
  const [withdrawn, setWithdrawn] = useState<WithdrawResult | null>(null)
  const merchant = me.state.status === 'ok' && me.state.data.registered ? me.state.data.merchant : null
  return (
    <View className={`screen my-data ${elder.rootClass}`}>
      {merchant && <MyShopCard merchant={merchant} onLeft={me.reload} />}
      {withdrawn ? (
        <Withdrawn result={withdrawn} />
      ) : (
        <Loaded state={state} onRetry={reload}>
          {(data) => <MyDataView data={data} onWithdrawn={setWithdrawn} />}
        </Loaded>
      )}
    </View>
  )
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text className="plain-text my-data__row">
      <Text className="my-data__label">{label}：</Text>
      {children}
    </Text>
  )
}

function MyDataView({ data, onWithdrawn }: { data: MyData; onWithdrawn: (result: WithdrawResult) => void }) {
  const h = data.household
  return (
    <View>
      <View className="card">
        <Text className="section-title">我本人</Text>
        <Row label="名字">{data.me.displayName}</Row>
        <Row label="第一次用小程序">{formatLocalTime(data.me.firstSeenAt)}</Row>
        <Row label="长辈模式">{data.me.elderMode ? '开' : '关'}</Row>
        {data.me.roles.length > 0 && <Row label="工作人员身份">{data.me.roles.map((r) => `${r.org} ${r.label}`).join('、')}</Row>}
        <Row label="站内消息">{data.me.messages} 条</Row>
        <Row label="提过的议事">
          {data.matters.raised} 件{data.matters.open > 0 ? `（还在办 ${data.matters.open} 件）` : ''}
        </Row>
        <Row label="上传的照片">
          {data.photos.uploaded} 张{data.photos.checking > 0 ? `，审核中 ${data.photos.checking} 张` : ''}
          {data.photos.hidden > 0 ? `，没通过 ${data.photos.hidden} 张` : ''}
          {data.photos.deleted > 0 ? `，已删除 ${data.photos.deleted} 张` : ''}
        </Row>
        {data.groups.length > 0 && <Row label="从微信群打开过通报">{data.groups.map((g) => g.village).join('、')}</Row>}
      </View>
      {h && (
        <View className="card">
          <Text className="section-title">我家（{h.houseNo} {h.name}）</Text>
          <Row label="村和小组">
            {h.village} {h.group ?? ''}
          </Row>
          <Row label="股数">{h.shares} 股</Row>
          {h.memberNames.length > 0 && <Row label="花名册上的家庭成员">{h.memberNames.join('、')}</Row>}
          <Row label="绑定了微信的人">{h.boundMembers.map((m) => (m.me ? `${m.displayName}（我）` : m.displayName)).join('、')}</Row>
          <Row label="积分余额">{h.balance} 分</Row>
          <Row label="积分记录">
            {h.ledger.entries} 条，共加 {h.ledger.earned} 分，共扣 {h.ledger.deducted} 分
          </Row>
          <Row label="通报">
            {h.notices.total} 条{h.notices.open > 0 ? `（待整改 ${h.notices.open} 条）` : ''}
          </Row>
          <Row label="申报和申诉">
            申报 {h.claims} 次，申诉 {h.appeals} 次
          </Row>
          <Row label="积分兑换">
            {h.redemptions.count} 次，用了 {h.redemptions.points} 分
          </Row>
          {h.dividends.length > 0 && <Row label="分红">{h.dividends.map((d) => `${d.year} 年 ${formatYuan(d.amountFen)}`).join('、')}</Row>}
          {h.certificates.map((c) => (
            <Row key={c.issuedAt} label={`积分证明（${c.bankName}）`}>
              {formatLocalTime(c.issuedAt)} 开具，{c.status}；银行查看 {c.lookedAt.length} 次
            </Row>
          ))}
        </View>
      )}
      <ExportCard />
      {data.withdraw.possible && <WithdrawCard data={data} onWithdrawn={onWithdrawn} />}
    </View>
  )
}

function ExportCard() {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const save = async () => {
    if (busy) return
    setBusy(true)
    const answer = await exportMyData()
    setBusy(false)
    if (!answer.ok) return setMessage(answer.error.message)
    try {
      setMessage(await saveExport(answer.data))
    } catch {
      setMessage('表格没能打开，请再试一次')
    }
  }
  return (
    <View className="card">
      <Text className="section-title">要一份我的信息</Text>
      <Text className="muted-text">上面的内容、我家每一条积分记录、我传的照片，做成一个表格文件。</Text>
      <BigButton kind="plain" onClick={() => void save()}>
        {busy ? '正在做表格…' : '导出成表格'}
      </BigButton>
      {message && <Text className="plain-text my-data__message">{message}</Text>}
    </View>
  )
}

function WithdrawCard({ data, onWithdrawn }: { data: MyData; onWithdrawn: (result: WithdrawResult) => void }) {
  const intent = useIntentRequestId()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const confirmAndWithdraw = async () => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '解除绑定',
      content: '解除后，您的微信看不到这户的积分、通报和分红；这户的积分和分红记录照常保留。确定解除吗？',
      confirmText: '解除绑定',
      confirmColor: '#b3261e',
      cancelText: '取消',
    })
    if (!confirm) return
    setBusy(true)
    const answer = await withdraw(intent.idFor('withdraw'))
    setBusy(false)
    if (!answer.ok) return setProblem(answer.error.message)
    intent.done()
    onWithdrawn(answer.data)
  }
  return (
    <View className="card">
      <Text className="section-title my-data__withdraw-title">解除微信和这户的绑定</Text>
      <Text className="plain-text">解除后会删掉的：</Text>
      {data.withdraw.goes.map((line) => (
        <Text key={line} className="plain-text my-data__list-item">
          · {line}
        </Text>
      ))}
      <Text className="plain-text">会保留的：</Text>
      {data.withdraw.stays.map((line) => (
        <Text key={line} className="plain-text my-data__list-item">
          · {line}
        </Text>
      ))}
      <Text className="muted-text">以后想再绑定，请找村干部要新的邀请码。</Text>
      <View className="my-data__danger">
        <BigButton kind="plain" onClick={() => void confirmAndWithdraw()}>
          {busy ? '正在解除…' : '解除绑定'}
        </BigButton>
      </View>
      {problem && <Text className="plain-text my-data__message">{problem}</Text>}
    </View>
  )
}

function Withdrawn({ result }: { result: WithdrawResult }) {
  return (
    <View className="card">
      <Text className="section-title">已解除绑定</Text>
      <Text className="plain-text">
        您的微信和 {result.household} 这户的绑定已在 {formatLocalTime(result.unboundAt)} 解除。
      </Text>
      <Text className="plain-text">这户的积分和分红记录照常保留在村里。</Text>
      <BigButton onClick={() => void Taro.reLaunch({ url: '/pages/mine/index' })}>回到“我的”</BigButton>
    </View>
  )
}
