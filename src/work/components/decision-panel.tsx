import { Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import type { Envelope } from '../../core/contracts/envelope'
import './decision-panel.css'

export type DecisionAction = {
  key: string
  /** The button: "通过", "撤销扣分"… */
  label: string
  kind: 'primary' | 'plain'
  /** Asked before sending: "确定通过这笔评分吗？" */
  question: string
  /** Shown once done: "已通过". */
  doneText: string
}

type Props = {
  actions: DecisionAction[]
  noteLabel: string
  run: (actionKey: string, note: string, requestId: string) => Promise<Envelope<unknown>>
  /** After a successful decision (the panel then shows its doneText). */
  onDone?: () => void
}

/**
 * A decision on one item: pick an action, write a note, confirm. The requestId is made when the
 * action is picked and kept while the user retries the same decision, so a retry after a network
 * failure cannot decide twice; another action or note is another intent with a new id.
 */
/** The one button rule: the page's main (filled) action always sits first, on the left. */
function mainActionFirst(actions: DecisionAction[]): DecisionAction[] {
  return [...actions.filter((action) => action.kind === 'primary'), ...actions.filter((action) => action.kind !== 'primary')]
}

export function DecisionPanel({ actions, noteLabel, run, onDone }: Props) {
  const [chosen, setChosen] = useState<DecisionAction | null>(null)
  const [note, setNote] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const intent = useRef<{ key: string; id: string } | null>(null)

  const choose = (action: DecisionAction | null) => {
    setChosen(action)
    setError(null)
  }

  const send = async () => {
    if (!chosen || sending) return
    const key = JSON.stringify([chosen.key, note.trim()])
    if (intent.current?.key !== key) intent.current = { key, id: newRequestId() }
    setSending(true)
    setError(null)
    const envelope = await run(chosen.key, note.trim(), intent.current.id)
    setSending(false)
    if (envelope.ok) {
      setDone(chosen.doneText)
      onDone?.()
    } else {
      setError(envelope.error.message)
    }
  }

  if (done) return <Text className="decision-panel__done">{done}</Text>

  if (!chosen) {
    return (
      <View className="decision-panel__actions">
        {mainActionFirst(actions).map((action) => (
          <View key={action.key} className="decision-panel__action">
            <BigButton kind={action.kind} onClick={() => choose(action)}>
              {action.label}
            </BigButton>
          </View>
        ))}
      </View>
    )
  }

  return (
    <View className="decision-panel">
      <Text className="decision-panel__question">{chosen.question}</Text>
      <Text className="muted-text">{noteLabel}</Text>
      <Textarea
        className="decision-panel__note"
        value={note}
        maxlength={200}
        autoHeight
        placeholder="最多 200 个字"
        onInput={(event) => setNote(event.detail.value)}
      />
      {error && <Text className="decision-panel__error">{error}</Text>}
      <BigButton onClick={() => void send()}>{sending ? '正在提交…' : error ? '重试' : `确定${chosen.label}`}</BigButton>
      <BigButton kind="plain" onClick={() => choose(null)}>
        返回
      </BigButton>
    </View>
  )
}
