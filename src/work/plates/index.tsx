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
import type { DoorPlateView } from '../../core/contracts/account'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import './index.css'

/**
 * 印门牌: a cadre's printable sheet of a group's or micro-grid's door plates (village, group, 门牌, the
 * QR and the code under it; no name). Router param orgId; without it, a choice of the village's groups
 * and micro-grids. 补门牌 replaces a lost plate: its old code stops working.
 */
export default function PlatesPage() {
  return (
    <WithScope permission="manageRoster" kinds={['villager_group', 'micro_grid']} question="印哪个组或微网格的门牌？">
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
              <Text className="section-title">
                {sheet.village.name} {sheet.unit.name} 的门牌，共 {sheet.plates.length} 块
              </Text>
              {sheet.newlyIssued > 0 && <Text className="plain-text">这次新做了 {sheet.newlyIssued} 块门牌码。</Text>}
              <Text className="muted-text">门牌上没有户主姓名。网格长扫码直接给这户评分，本户家人扫码回到自己家，其他人只看到村里已经公开的内容。</Text>
              {process.env.TARO_ENV === 'h5' ? (
                <BigButton onClick={() => window.print()}>打印这一页</BigButton>
              ) : (
                <Text className="plain-text">请在电脑上打开这一页打印。</Text>
              )}
              {problem && <Text className="plates__problem">{problem}</Text>}
            </View>
            <View className="plates__sheet">
              {sheet.plates.map((plate, index) => (
                <View key={plate.code} className="plate">
                  <Text className="plate__village">{plate.village}</Text>
                  {plate.group && <Text className="plate__group">{plate.group}</Text>}
                  <Text className="plate__house">{plate.houseNo}</Text>
                  <CardQr text={plateQrText(plate.signed)} canvasId={`plate-qr-${index}`} className="plate__qr" />
                  <Text className="plate__code">{plate.code}</Text>
                  <Text className="plate__hint">微信扫一扫，或在小程序「扫门牌」里输入上面的码</Text>
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
