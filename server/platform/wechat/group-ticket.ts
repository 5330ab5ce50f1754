import * as cloud from 'wx-server-sdk'
import { AppError } from '../../../src/core/errors'
import type { ResolveGroupTicket } from '../group-ticket'

/** cloud.getOpenData resolves the cloudID on WeChat's side; its group data carries `opengid`. */
export const wechatGroupTickets: ResolveGroupTicket = async (cloudId) => {
  try {
    const answer = (await cloud.getOpenData({ list: [cloudId] })) as { list?: { data?: { opengid?: string } }[] }
    const openGId = answer.list?.[0]?.data?.opengid
    if (!openGId) throw new AppError('INVALID_GROUP_TICKET')
    return openGId
  } catch (error) {
    if (error instanceof AppError) throw error
    console.warn('[group-ticket] getOpenData refused the ticket', (error as Error).message)
    throw new AppError('INVALID_GROUP_TICKET')
  }
}
