import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { newRequestId } from '../../api/request-id'
import { rules } from '../../api/score'
import { publishRules } from '../../api/staff-scoring'
import { BigButton } from '../../components/big-button'
import { DangerConfirm } from '../../components/danger-confirm'
import { Loaded } from '../../components/loaded'
import type { RuleSetView } from '../../core/contracts/score'
import { formatLocalTime } from '../../core/period'
import { ruleCategoriesFor } from '../../core/rules'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { PointsText } from '../../components/points-text'
import { ruleFacts } from '../components/rule-facts'
import { RuleForm } from './rule-form'
import { draftOf, newDraft, rulesOf, type RuleDraft } from './rule-draft'
import { WithScope } from '../../components/with-scope'
import './index.css'

/**
 * 积分细则管理 (router param orgId): edit the rules in force, add or remove some, and publish the
 * whole list as the set's next version. Earlier versions and the entries scored under them stay.
 */
export default function RulesEditorPage() {
  return (
    <WithScope permission="editRules" kinds={['village', 'community', 'alliance']} question="编辑哪里的积分细则？">
      {(orgId) => <RulesEditor orgId={orgId} />}
    </WithScope>
  )
}

function RulesEditor({ orgId }: { orgId: string }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => rules(orgId), [orgId])
  return (
    <View className={`screen ${elder.rootClass} rules-editor`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => <Editor key={`${data.id}:${data.version}`} set={data} />}
      </Loaded>
    </View>
  )
}

type Publishing = { status: 'idle' } | { status: 'asking' } | { status: 'sending' } | { status: 'failed'; message: string }

function Editor({ set }: { set: RuleSetView }) {
  const [current, setCurrent] = useState(set)
  const categories = ruleCategoriesFor(set.memberKind)
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => set.rules.map(draftOf))
  const [editing, setEditing] = useState<string | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  const [publishing, setPublishing] = useState<Publishing>({ status: 'idle' })
  const [published, setPublished] = useState<number | null>(null)
  // One id per publishing intent: made when 发布 is asked, kept while the same list is retried.
  const intent = useRef<{ key: string; id: string } | null>(null)

  // Any edit after a publication starts a new draft.
  const edit = (next: RuleDraft[]) => {
    setDrafts(next)
    setPublished(null)
  }
  const change = (key: string, next: RuleDraft) => edit(drafts.map((d) => (d.key === key ? next : d)))
  const remove = (key: string) => edit(drafts.filter((d) => d.key !== key))
  const add = () => {
    const draft = newDraft(categories)
    edit([...drafts, draft])
    setEditing(draft.key)
  }

  const publish = async () => {
    const checked = rulesOf(drafts)
    if (!checked.ok) {
      setPublishing({ status: 'failed', message: checked.message })
      return
    }
    const key = JSON.stringify(checked.rules)
    if (intent.current?.key !== key) intent.current = { key, id: newRequestId() }
    setPublishing({ status: 'sending' })
    const envelope = await publishRules({ requestId: intent.current.id, ruleSetId: current.id, rules: checked.rules })
    if (!envelope.ok) {
      setPublishing({ status: 'failed', message: envelope.error.message })
      return
    }
    intent.current = null
    setCurrent(envelope.data)
    setDrafts(envelope.data.rules.map(draftOf))
    setEditing(null)
    setPublishing({ status: 'idle' })
    setPublished(envelope.data.version)
  }

  return (
    <View>
      <View className="card">
        <Text className="section-title">{current.name}</Text>
        <Text className="plain-text">
          现行第 {current.version} 版，{formatLocalTime(current.publishedAt)} 发布
        </Text>
        <Text className="muted-text">改好后点最下面的“发布新版本”。以前记的分不会变。</Text>
      </View>
      {published !== null && (
        <View className="card rules-editor__published">
          <Text className="rules-editor__published-text">已发布第 {published} 版</Text>
        </View>
      )}
      {drafts.length === 0 && <Text className="plain-text">一条细则也没有了，请新增一条。</Text>}
      {drafts.map((draft, i) =>
        editing === draft.key ? (
          <RuleForm key={draft.key} draft={draft} categories={categories} onChange={(next) => change(draft.key, next)} onClose={() => setEditing(null)} />
        ) : (
          <View key={draft.key} className={`card rules-editor__rule ${draft.deduction ? 'rules-editor__rule--minus' : ''}`}>
            <View className="rules-editor__rule-head">
              <Text className="rules-editor__rule-title">
                {i + 1}. {draft.title.trim() || '（还没有名称）'}
              </Text>
              {/^\d+$/.test(draft.amount) && <PointsText points={(draft.deduction ? -1 : 1) * Number(draft.amount)} size="normal" />}
            </View>
            <Text className="muted-text">
              {[draft.category, ...factsOf(draft)].join(' · ')}
            </Text>
            {removing === draft.key ? (
              <DangerConfirm
                sentence="删除这条细则？发布之前，它在村民那里还照旧。"
                action="确定删除"
                onConfirm={() => {
                  setRemoving(null)
                  remove(draft.key)
                }}
                onCancel={() => setRemoving(null)}
              />
            ) : (
              <View className="rules-editor__actions">
                <View className="rules-editor__action">
                  <BigButton kind="plain" onClick={() => setEditing(draft.key)}>
                    修改
                  </BigButton>
                </View>
                <View className="rules-editor__action">
                  <BigButton kind="danger-plain" onClick={() => setRemoving(draft.key)}>
                    删除
                  </BigButton>
                </View>
              </View>
            )}
          </View>
        ),
      )}
      <BigButton kind="plain" onClick={add}>
        新增一条细则
      </BigButton>
      {publishing.status === 'idle' && (
        <BigButton onClick={() => setPublishing({ status: 'asking' })}>发布新版本（第 {current.version + 1} 版）</BigButton>
      )}
      {publishing.status !== 'idle' && (
        <View className="card rules-editor__confirm">
          <Text className="plain-text">
            确定发布 {drafts.length} 条细则为第 {current.version + 1} 版？发布后新的评分都按新版本。
          </Text>
          {publishing.status === 'failed' && <Text className="rules-editor__error">{publishing.message}</Text>}
          <BigButton onClick={() => void publish()}>
            {publishing.status === 'sending' ? '正在发布…' : publishing.status === 'failed' ? '重试发布' : '确定发布'}
          </BigButton>
          {publishing.status !== 'sending' && (
            <BigButton kind="plain" onClick={() => setPublishing({ status: 'idle' })}>
              再改改
            </BigButton>
          )}
        </View>
      )}
    </View>
  )
}

function factsOf(draft: RuleDraft): string[] {
  const checked = rulesOf([draft])
  return checked.ok ? ruleFacts({ ...checked.rules[0], id: 0 }) : []
}
