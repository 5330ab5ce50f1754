import { Input, Switch, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { saveGoods, shopGoods } from '../../api/card'
import { BigButton } from '../../components/big-button'
import { ErrorView } from '../../components/error-view'
import { FieldProblem } from '../../components/field-problem'
import { LoadingView } from '../../components/loading-view'
import { WithScope } from '../../components/with-scope'
import type { GoodsView } from '../../core/contracts/card'
import { useEnvelope } from '../../hooks/use-envelope'
import { useFormProblems } from '../../hooks/use-form-problems'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import '../shop.css'
import './index.css'

type Editing = { goods: GoodsView | null } | null

/** 商品管理: the shop's goods with points price, stock and shelf; a clerk or cadre adds, restocks, takes off the shelf. */
export default function GoodsPage() {
  return (
    <WithScope permission="manageGoods" kinds={['shop']} question="管理哪个积分超市的商品？">
      {(shopId) => <ShopGoods shopId={shopId} />}
    </WithScope>
  )
}

function ShopGoods({ shopId }: { shopId: string }) {
  const { state, reload } = useEnvelope(() => shopGoods(shopId), [shopId])
  const [editing, setEditing] = useState<Editing>(null)
  const [done, setDone] = useState('')

  function saved(item: GoodsView) {
    setEditing(null)
    setDone(`已保存：${item.name}，${item.pointsPrice} 分，库存 ${item.stock} 件，${item.onShelf ? '在架上' : '已下架'}`)
    reload()
  }

  if (state.status === 'loading') return <View className="screen"><LoadingView /></View>
  if (state.status === 'error') return <View className="screen"><ErrorView error={state.error} onRetry={reload} /></View>
  if (editing) return <GoodsForm shopId={shopId} goods={editing.goods} onSaved={saved} onCancel={() => setEditing(null)} />
  return (
    <View className="screen goods">
      <Text className="section-title">{state.data.shop.name}</Text>
      {done && <Text className="shop-message shop-message--ok">{done}</Text>}
      {state.data.goods.map((item) => (
        <View key={item.id} className={`card goods__item ${item.onShelf ? '' : 'goods__item--off'}`}>
          <View className="goods__info">
            <Text className="goods__name">{item.name}</Text>
            <Text className="plain-text">
              {item.pointsPrice} 分 · 库存 {item.stock} 件 · {item.onShelf ? '在架上' : '已下架'}
            </Text>
          </View>
          <Text
            className="goods__edit"
            onClick={() => {
              setDone('')
              setEditing({ goods: item })
            }}
          >
            修改
          </Text>
        </View>
      ))}
      <BigButton
        onClick={() => {
          setDone('')
          setEditing({ goods: null })
        }}
      >
        新增商品
      </BigButton>
    </View>
  )
}

type FormProps = { shopId: string; goods: GoodsView | null; onSaved: (item: GoodsView) => void; onCancel: () => void }

/** Adds a goods item (`goods` null) or changes one; stock moves by 补货 minus 报损, never set outright. */
function GoodsForm({ shopId, goods, onSaved, onCancel }: FormProps) {
  const [form, setForm] = useState({
    name: goods?.name ?? '',
    pointsPrice: goods ? String(goods.pointsPrice) : '',
    added: '',
    removed: '',
    onShelf: goods?.onShelf ?? true,
  })
  const problems = useFormProblems(['name', 'pointsPrice', 'stockDelta'] as const)
  const [busy, setBusy] = useState(false)
  const intent = useIntentRequestId()
  const count = (text: string) => (text.trim() === '' ? 0 : Number(text.trim()))

  async function save() {
    if (busy) return
    const name = form.name.trim()
    if (!name) return problems.show({ field: 'name', message: '请填商品名称' })
    if (!/^\d+$/.test(form.pointsPrice.trim()) || Number(form.pointsPrice) < 1) {
      return problems.show({ field: 'pointsPrice', message: '兑换积分要填 1 以上的整数' })
    }
    if (![form.added, form.removed].every((text) => /^\d*$/.test(text.trim()))) return problems.show({ field: 'stockDelta', message: '件数要填整数' })
    const change = {
      ...(goods ? { goodsId: goods.id } : {}),
      name,
      pointsPrice: Number(form.pointsPrice.trim()),
      onShelf: form.onShelf,
      stockDelta: count(form.added) - count(form.removed),
    }
    setBusy(true)
    problems.clear()
    const answer = await saveGoods({ requestId: intent.idFor(change), shopId, ...change })
    setBusy(false)
    if (!answer.ok) return problems.show(answer.error)
    intent.done()
    onSaved(answer.data)
  }

  const set = (key: 'name' | 'pointsPrice' | 'added' | 'removed') => (event: { detail: { value: string } }) =>
    setForm({ ...form, [key]: event.detail.value })
  return (
    <View className="screen goods">
      <View className="card">
        <Text className="section-title">{goods ? `修改：${goods.name}` : '新增商品'}</Text>
        <Text className="goods__label">商品名称</Text>
        <Input className="shop-input" value={form.name} maxlength={30} placeholder="例如：面券" onInput={set('name')} />
        <FieldProblem text={problems.of('name')} />
        <Text className="goods__label">兑换要多少积分</Text>
        <Input className="shop-input" type="number" value={form.pointsPrice} placeholder="例如：10" onInput={set('pointsPrice')} />
        <FieldProblem text={problems.of('pointsPrice')} />
        {goods && <Text className="plain-text">现在库存 {goods.stock} 件</Text>}
        <Text className="goods__label">{goods ? '补货：加几件' : '库存：有几件'}</Text>
        <Input className="shop-input" type="number" value={form.added} placeholder="0" onInput={set('added')} />
        {goods && (
          <View>
            <Text className="goods__label">报损：减几件（坏了、过期了）</Text>
            <Input className="shop-input" type="number" value={form.removed} placeholder="0" onInput={set('removed')} />
          </View>
        )}
        <FieldProblem text={problems.of('stockDelta')} />
        <View className="goods__shelf">
          <Text className="goods__label">{form.onShelf ? '在架上，可以兑换' : '已下架，不能兑换'}</Text>
          <Switch checked={form.onShelf} color="#0b5d3b" onChange={(event) => setForm({ ...form, onShelf: event.detail.value })} />
        </View>
      </View>
      <FieldProblem text={problems.general} />
      <BigButton onClick={() => void save()}>{busy ? '正在保存…' : '保存'}</BigButton>
      <BigButton kind="plain" onClick={onCancel}>
        不改了，返回
      </BigButton>
    </View>
  )
}
