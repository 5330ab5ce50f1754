import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { printPlates, reissuePlate } from '../../api/door-plates'
import { plateQrText } from '../../api/plate-link'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import { CardQr } from '../../components/card-qr'
import { Loaded } from '../../components/loaded'
import { WithScope } from '../../components/with-scope'
import type { DoorPlateView, StorefrontSign } from '../../core/contracts/account'
import { starText } from '../../core/merchant/star-terms'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import './index.css'

/**
 * 印门牌: a cadre's printable sheet of a group's or micro-grid's door plates (village, group, 门牌, the
 * QR and the code under it; no name). Router param orgId; without it, a choice of the village's groups
 * and micro-grids. 补门牌 replaces a lost plate: its old code stops working. On an alliance the same
 * sheet prints its merchants' storefront signs (字号, 业态, stars, 红榜/黑榜 of the day) around the same QR.
 */
export default function PlatesPage() {
  return (
    <WithScope permission="manageRoster" kinds={['villager_group', 'micro_grid', 'alliance']} question="印哪个组或微网格的门牌？">
      {(orgId) => <PlateSheet key={orgId} orgId={orgId} />}
    </WithScope>
  )
}

function PlateSheet({ orgId }: { orgId: string }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => printPlates(newRequestId(), orgId), [orgId])
  const [problem, setProblem] = useState<string | null>(null)
  const intent = useIntentRequestId()

  const reissue = async (plate: DoorPlateView) => {
    const sure = await Taro.showModal({
      title: `补印 ${plate.houseNo} 的门牌？`,
      content: '补印后旧门牌上的码马上不能再用，请把旧门牌收回。',
      confirmText: '补印',
      confirmColor: '#b3261e',
      cancelText: '取消',
    })
    if (!sure.confirm) return
    const answer = await reissuePlate(intent.idFor(plate.householdId), plate.householdId)
    intent.done()
    if (!answer.ok) return setProblem(answer.error.message)
    setProblem(null)
    reload()
  }

  return (
    <View className={`screen ${elder.rootClass} plates`}>
      <Loaded state={state} onRetry={reload}>
        {(sheet) => (
          <View>
            <View className="card plates__head">
              {sheet.village.kind === 'alliance' ? (
                <Text className="section-title">
                  {sheet.village.name} 的店招牌，共 {sheet.plates.length} 块
                </Text>
              ) : (
                <Text className="section-title">
                  {sheet.village.name} {sheet.unit.name} 的门牌，共 {sheet.plates.length} 块
                </Text>
              )}
              {sheet.newlyIssued > 0 && <Text className="plain-text">这次新做了 {sheet.newlyIssued} 块门牌码。</Text>}
              <Text className="muted-text">
                {sheet.village.kind === 'alliance'
                  ? '店招牌上没有店主姓名，星级和红黑榜是今天的。检查员扫码直接给这家店评分，顾客扫码看星级、红黑榜和检查记录，还可以反映问题。'
                  : '门牌上没有户主姓名。网格长扫码直接给这户评分，本户家人扫码回到自己家，其他人只看到村里已经公开的内容。'}
              </Text>
              {process.env.TARO_ENV === 'h5' ? (
                <BigButton onClick={() => window.print()}>打印这一页</BigButton>
              ) : (
                <Text className="plain-text">请在电脑上打开这一页打印。</Text>
              )}
              {problem && <Text className="plates__problem">{problem}</Text>}
            </View>
            <View className="plates__sheet">
              {sheet.plates.map((plate, index) => (
                <View key={plate.code} className={plate.storefront ? 'plate plate--storefront' : 'plate'}>
                  {plate.storefront ? <StorefrontWords sign={plate.storefront} village={plate.village} /> : <DoorPlateWords plate={plate} />}
                  <CardQr text={plateQrText(plate.signed)} canvasId={`plate-qr-${index}`} className="plate__qr" />
                  <Text className="plate__code">{plate.code}</Text>
                  <Text className="plate__hint">
                    {plate.storefront ? '微信扫一扫，看这家店的星级、红黑榜和检查记录' : '微信扫一扫，或在小程序「扫门牌」里输入上面的码'}
                  </Text>
                  <View className="plate__reissue">
                    <BigButton kind="plain" onClick={() => void reissue(plate)}>
                      门牌丢了，补印
                    </BigButton>
                  </View>
                </View>
              ))}
            </View>
          </View>
        )}
      </Loaded>
    </View>
  )
}

/** A household's door plate: village, group, 门牌. */
function DoorPlateWords({ plate }: { plate: DoorPlateView }) {
  return (
    <>
      <Text className="plate__village">{plate.village}</Text>
      {plate.group && <Text className="plate__group">{plate.group}</Text>}
      <Text className="plate__house">{plate.houseNo}</Text>
    </>
  )
}

const LIST_WORDS = { red: '红榜商家', black: '黑榜 · 整改中' } as const

/** A merchant's storefront sign: 字号 large, 业态 and alliance, stars, and the red or black list on the day printed. */
function StorefrontWords({ sign, village }: { sign: StorefrontSign; village: string }) {
  return (
    <>
      <Text className="plate__village">{village}</Text>
      <Text className="plate__house">{sign.tradeName}</Text>
      <Text className="plate__group">{sign.trade}</Text>
      <Text className="plate__stars">{sign.stars === null ? '未评星' : starText(sign.stars)}</Text>
      {sign.list && <Text className={`plate__list plate__list--${sign.list}`}>{LIST_WORDS[sign.list]}</Text>}
      <Text className="plate__as-of">{sign.asOf} 印制，以扫码看到的为准</Text>
    </>
  )
}
