import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { saveExport } from '../api/save-export'
import type { DividendExport } from '../core/contracts/dividend'
import type { Envelope } from '../core/contracts/envelope'
import { BigButton } from './big-button'

/** A button that has the server build a table file and hands it to the phone, saying below how it went. */
export function ExportButton({ label, load, messageClassName = '' }: { label: string; load: () => Promise<Envelope<DividendExport>>; messageClassName?: string }) {
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async () => {
    if (busy) return
    setBusy(true)
    setMessage('正在生成表格…')
    const answer = await load()
    setBusy(false)
    if (!answer.ok) return setMessage(answer.error.message)
    try {
      setMessage(await saveExport(answer.data))
    } catch {
      setMessage('表格没有打开，请再试一次')
    }
  }
  return (
    <View>
      <BigButton kind="plain" onClick={() => void run()}>
        {label}
      </BigButton>
      {message && <Text className={`muted-text ${messageClassName}`}>{message}</Text>}
    </View>
  )
}
