import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { addUnit, orgTree, renameUnit, retireUnit, setShopVillages } from '../../api/org'
import { BigButton } from '../../components/big-button'
import { ChoiceChip } from '../../components/choice-chip'
import { Loaded } from '../../components/loaded'
import { FieldProblem } from '../../components/field-problem'
import type { OrgTree, UnitView } from '../../core/contracts/org'
import { MEMBER_WORDS, memberKindAt } from '../../core/member-kind'
import { ORG_KIND_LABELS, type OrgKind } from '../../core/org'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useFormProblems } from '../../hooks/use-form-problems'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import '../org.css'

/**
 * 组织架构 (router param orgId optional: the caller's own street or village): every unit with its
 * households; tap one to add under it, rename it or retire it. The .xlsx import is one tap away.
 */
export default function OrgTreePage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId
  const { state, reload } = useEnvelope(() => orgTree(orgId), [orgId])
  // What the last change did: kept here, because the tree (and the panel) reloads after it.
  const [done, setDone] = useState<string | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  useReloadOnReturn(reload)
  const changed = (text: string) => {
    setDone(text)
    reload()
  }
  return (
    <View className={`screen ${elder.rootClass}`}>
      {done && <Text className="staff__done">{done}</Text>}
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <TreeView
            tree={data}
            selectedId={selectedId ?? data.root.id}
            onSelect={(id) => {
              setSelectedId(id)
              setDone(null)
            }}
            onChanged={changed}
          />
        )}
      </Loaded>
    </View>
  )
}

type TreeViewProps = { tree: OrgTree; selectedId: string; onSelect: (id: string) => void; onChanged: (done: string) => void }

function TreeView({ tree, selectedId, onSelect, onChanged }: TreeViewProps) {
  const selected = tree.units.find((u) => u.id === selectedId) ?? tree.root
  const depth = (unit: UnitView): number => {
    const parent = tree.units.find((u) => u.id === unit.parentId)
    return parent ? depth(parent) + 1 : 0
  }
  const importable = tree.units.filter((u) => !u.retired && (u.kind === 'village' || u.kind === 'community') && tree.mayAdd[u.id]?.includes('grid'))
  return (
    <View>
      <Text className="section-title">{tree.root.name}</Text>
      <Text className="muted-text">点一个单位，可以在它下面新增、改名或撤销。</Text>
      <View className="card">
        {tree.units.map((unit) => (
          <Text
            key={unit.id}
            className={`staff__row ${unit.id === selected.id ? 'staff__row--selected' : ''} ${unit.retired ? 'staff__row--retired' : ''}`}
            style={{ paddingLeft: `${12 + depth(unit) * 36}px` }}
            onClick={() => onSelect(unit.id)}
          >
            {unit.name} · {ORG_KIND_LABELS[unit.kind]}
            {unit.retired ? '（已撤销）' : HOLDS_NO_HOUSEHOLDS.includes(unit.kind) ? '' : ` · ${unit.households} ${MEMBER_WORDS[memberKindAt(unit.kind)].counter}`}
          </Text>
        ))}
      </View>
      {!selected.retired && <UnitPanel key={selected.id} tree={tree} unit={selected} onChanged={onChanged} />}
      {!selected.retired && selected.kind === 'shop' && <ShopVillagesPanel key={`villages-${selected.id}`} tree={tree} shop={selected} onChanged={onChanged} />}
      {importable.map((unit) => (
        <BigButton
          key={unit.id}
          kind="plain"
          onClick={() => void Taro.navigateTo({ url: `/org/tree-import/index?orgId=${encodeURIComponent(unit.id)}` })}
        >
          {`用 Excel 导入${unit.name}的组织架构`}
        </BigButton>
      ))}
    </View>
  )
}

/** Units that never hold households: no household count beside them. */
const HOLDS_NO_HOUSEHOLDS: readonly OrgKind[] = ['shop', 'bank', 'bank_branch']

type Mode = { kind: 'add'; unitKind: OrgKind } | { kind: 'rename' } | { kind: 'retire' } | null

/** What may be done to the selected unit: add under it, rename it, retire it. */
function UnitPanel({ tree, unit, onChanged }: { tree: OrgTree; unit: UnitView; onChanged: (done: string) => void }) {
  const [mode, setMode] = useState<Mode>(null)
  const [name, setName] = useState('')
  const problems = useFormProblems(['name'] as const)
  const [busy, setBusy] = useState(false)
  const intent = useIntentRequestId()
  const addable = tree.mayAdd[unit.id] ?? []
  // The caller keeps this unit when they may add its kind under its parent.
  const keeps = unit.parentId !== null && (tree.mayAdd[unit.parentId] ?? []).includes(unit.kind)
  if (addable.length === 0 && !keeps) return null

  const choose = (next: Mode) => {
    setMode(next)
    setName(next?.kind === 'rename' ? unit.name : '')
    problems.clear()
  }

  async function save() {
    if (!mode || busy) return
    if (mode.kind !== 'retire' && !name.trim()) return problems.show({ field: 'name', message: '请填写名称' })
    setBusy(true)
    const params = { mode, name: name.trim(), unit: unit.id }
    const id = intent.idFor(params)
    const answer =
      mode.kind === 'add'
        ? await addUnit(id, unit.id, mode.unitKind as Exclude<OrgKind, 'street'>, params.name)
        : mode.kind === 'rename'
          ? await renameUnit(id, unit.id, params.name)
          : await retireUnit(id, unit.id)
    setBusy(false)
    if (!answer.ok) return problems.show(answer.error)
    intent.done()
    setMode(null)
    onChanged(mode.kind === 'add' ? `已新增：${answer.data.name}` : mode.kind === 'rename' ? `已改名为：${answer.data.name}` : `已撤销：${unit.name}`)
  }

  return (
    <View className="card">
      <Text className="section-title">
        {unit.name}（{ORG_KIND_LABELS[unit.kind]}）
      </Text>
      {addable.length > 0 && <Text className="staff__label">在这里新增：</Text>}
      <View className="staff__choices">
        {addable.map((kind) => (
          <ChoiceChip key={kind} on={mode?.kind === 'add' && mode.unitKind === kind} onClick={() => choose({ kind: 'add', unitKind: kind })}>
            {ORG_KIND_LABELS[kind]}
          </ChoiceChip>
        ))}
        {keeps && (
          <ChoiceChip on={mode?.kind === 'rename'} onClick={() => choose({ kind: 'rename' })}>
            改名
          </ChoiceChip>
        )}
        {keeps && (
          <ChoiceChip on={mode?.kind === 'retire'} onClick={() => choose({ kind: 'retire' })}>
            撤销
          </ChoiceChip>
        )}
      </View>
      {mode && mode.kind !== 'retire' && (
        <View>
          <Text className="staff__label">{mode.kind === 'add' ? `新${ORG_KIND_LABELS[mode.unitKind]}的名称` : '新名称'}</Text>
          <Input className="staff__input staff__unit-name" value={name} maxlength={30} placeholder="请填写名称" onInput={(e) => setName(e.detail.value)} />
          <FieldProblem text={problems.of('name')} />
        </View>
      )}
      {mode?.kind === 'retire' && (
        <Text className="plain-text">撤销后，这个单位不再接收新的农户和工作人员，已有的记录都留着。还有农户、没整改完的通报或下级单位时不能撤销。</Text>
      )}
      <FieldProblem text={problems.general} />
      {mode && (
        <BigButton onClick={() => void save()}>{busy ? '正在保存…' : mode.kind === 'retire' ? `确定撤销${unit.name}` : '保存'}</BigButton>
      )}
    </View>
  )
}

/**
 * 服务的村 of a shop: the villages whose households may redeem there. The caller ticks among the
 * villages where they keep shops; villages set by someone above them are listed, not offered.
 */
function ShopVillagesPanel({ tree, shop, onChanged }: { tree: OrgTree; shop: UnitView; onChanged: (done: string) => void }) {
  const served = tree.shopVillages[shop.id] ?? []
  const offered = tree.units.filter((u) => u.kind === 'village' && !u.retired && (tree.mayAdd[u.id] ?? []).includes('shop'))
  const others = served.filter((v) => !offered.some((u) => u.id === v.id))
  const [chosen, setChosen] = useState(() => served.map((v) => v.id))
  const problems = useFormProblems(['villageIds'] as const)
  const [busy, setBusy] = useState(false)
  const intent = useIntentRequestId()
  const keeps = shop.parentId !== null && (tree.mayAdd[shop.parentId] ?? []).includes('shop')
  if (!keeps || offered.length === 0) return null

  const toggle = (id: string) => {
    setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id])
    problems.clear()
  }
  async function save() {
    if (busy) return
    const villageIds = [...chosen, ...others.map((v) => v.id)]
    if (villageIds.length === 0) return problems.show({ field: 'villageIds', message: '请至少选一个村' })
    setBusy(true)
    const answer = await setShopVillages(intent.idFor({ shop: shop.id, villageIds }), shop.id, villageIds)
    setBusy(false)
    if (!answer.ok) return problems.show(answer.error)
    intent.done()
    onChanged(`已保存：${shop.name}服务${answer.data.villages.map((v) => v.name).join('、')}的农户`)
  }

  return (
    <View className="card">
      <Text className="section-title">{shop.name}服务哪些村</Text>
      <Text className="muted-text">选中的村，农户可以拿积分卡来这里兑换。</Text>
      <View className="staff__choices">
        {offered.map((village) => (
          <ChoiceChip key={village.id} on={chosen.includes(village.id)} onClick={() => toggle(village.id)}>
            {village.name}
          </ChoiceChip>
        ))}
      </View>
      <FieldProblem text={problems.of('villageIds')} />
      {others.length > 0 && <Text className="plain-text">还服务：{others.map((v) => v.name).join('、')}（由街道设置）</Text>}
      <FieldProblem text={problems.general} />
      <BigButton onClick={() => void save()}>{busy ? '正在保存…' : '保存服务的村'}</BigButton>
    </View>
  )
}
