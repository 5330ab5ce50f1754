import type { Envelope } from '../core/contracts/envelope'
import type { MessageView } from '../core/contracts/notice'
import { callFunction } from './call-function'

// 我的消息 (the notice cloud function): the caller's messages and marking them read.

export function myMessages(beforeId?: number): Promise<Envelope<{ messages: MessageView[]; unread: number; nextBeforeId: number | null }>> {
  return callFunction('notice', 'messages', beforeId ? { beforeId } : {})
}

export function markMessagesRead(requestId: string, ids: number[]): Promise<Envelope<{ read: number }>> {
  return callFunction('notice', 'markRead', { requestId, ids })
}
