import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { ledger } from '../../api/score'
import { BigButton } from '../../components/big-button'
import { ErrorView } from '../../components/error-view'
import { TermExplainer } from '../../components/term-explainer'
import { LoadingView } from '../../components/loading-view'
import { LedgerHead } from '../../components/ledger-line'
import type { ApiError } from '../../core/contracts/envelope'
import type { LedgerLine, LedgerPage } from '../../core/contracts/score'
import { useElderMode } from '../../hooks/use-elder-mode'
import { LedgerLineView } from './ledger-line-view'
import './index.css'

/** The most lines one call may answer (the ledger contract's limit). */
const MAX_PAGE = 50

type Head = Pick<LedgerPage, 'householdName' | 'balance' | 'thisMonth'>
type State =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ok'; head: Head; lines: LedgerLine[]; nextBeforeId: number | null; more: 'idle' | 'loading' | { error: string } }

/** 积分明细 (tab): my household's balance, this month's change, and every line, newest first. */
export default function LedgerPageView() {
  const elder = useElderMode()
  const pageSize = elder.pageSize(20)
  const [state, setState] = useState<State>({ status: 'loading' })
  const stateRef = useRef(state)
  stateRef.current = state
  // Each refresh starts a new generation; answers of older ones (and their "more") are dropped.
  const generation = useRef(0)

  /** Loads the newest lines again; quietly (keeping what is shown, as many lines) when it is only a return to the page. */
  const refresh = useCallback(
    (quiet: boolean) => {
      const current = stateRef.current
      const shown = current.status === 'ok' ? current.lines.length : 0
      const limit = quiet && shown > pageSize && shown <= MAX_PAGE ? shown : pageSize
      const call = ++generation.current
      if (!quiet || current.status !== 'ok') setState({ status: 'loading' })
      void ledger({ limit }).then((envelope) => {
        if (call !== generation.current) return
        if (!envelope.ok) {
          setState({ status: 'error', error: envelope.error })
          return
        }
        const { householdName, balance, thisMonth, lines, nextBeforeId } = envelope.data
        setState({ status: 'ok', head: { householdName, balance, thisMonth }, lines, nextBeforeId, more: 'idle' })
      })
    },
    [pageSize],
  )

  const loadMore = () => {
    const current = stateRef.current
    if (current.status !== 'ok' || current.nextBeforeId === null || current.more === 'loading') return
    const call = generation.current
    setState({ ...current, more: 'loading' })
    void ledger({ beforeId: current.nextBeforeId, limit: pageSize }).then((envelope) => {
      if (call !== generation.current) return
      setState((latest) => {
        if (latest.status !== 'ok') return latest
        if (!envelope.ok) return { ...latest, more: { error: envelope.error.message } }
        const known = new Set(latest.lines.map((line) => line.id))
        return {
          ...latest,
          lines: [...latest.lines, ...envelope.data.lines.filter((line) => !known.has(line.id))],
          nextBeforeId: envelope.data.nextBeforeId,
          more: 'idle',
        }
      })
    })
  }

  // Every time the tab shows (also back from 申诉 or a photo preview), the newest lines, quietly.
  useDidShow(() => refresh(true))
  useEffect(() => onDemoIdentityChange(() => refresh(false)), [refresh])

  return (
    <View className={`screen ledger ${elder.rootClass}`}>
      {state.status === 'loading' && <LoadingView />}
      {state.status === 'error' &&
        (state.error.code === 'FORBIDDEN' || state.error.code === 'NOT_REGISTERED' ? (
          <View className="card">
            <Text className="plain-text">{state.error.message}</Text>
          </View>
        ) : (
          <ErrorView error={state.error} onRetry={() => refresh(false)} />
        ))}
      {state.status === 'ok' && (
        <View>
          <LedgerHead {...state.head} />
          {state.lines.some((line) => line.reversedBy !== null) && <TermExplainer term="冲销" />}
          {state.lines.some((line) => line.kind === 'restoration') && <TermExplainer term="整改返还" />}
          {state.lines.some((line) => line.kind === 'opening' || line.kind === 'carried') && <TermExplainer term="纸质记录结转" />}
          {state.lines.length === 0 && <Text className="plain-text">还没有积分记录。</Text>}
          {state.lines.map((line) => (
            <LedgerLineView
              key={line.id}
              line={line}
              corrected={line.reverses === null ? undefined : state.lines.find((other) => other.id === line.reverses)}
            />
          ))}
          {state.more !== 'idle' && state.more !== 'loading' && <Text className="ledger__more-error">{state.more.error}</Text>}
          {state.nextBeforeId !== null && (
            <BigButton kind="plain" onClick={loadMore}>
              {state.more === 'loading' ? '正在加载…' : '加载更多'}
            </BigButton>
          )}
          {state.nextBeforeId === null && state.lines.length > 0 && <Text className="ledger__end">没有更早的记录了</Text>}
        </View>
      )}
    </View>
  )
}
