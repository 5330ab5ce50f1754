import { AppError } from '../../src/core/errors'

/**
 * Turns the cloudID that wx.getGroupEnterInfo gave the client into the group's openGId. Only the
 * platform can do that: a client that makes one up gets INVALID_GROUP_TICKET.
 */
export type ResolveGroupTicket = (cloudId: string) => Promise<string>

const LOCAL_TICKET = /^local-group:([A-Za-z0-9_-]{1,64})$/

/** Demo mode has no WeChat groups: it accepts "local-group:<name>" tickets, so the flow can be tried in H5. */
export const localGroupTickets: ResolveGroupTicket = async (cloudId) => {
  const match = LOCAL_TICKET.exec(cloudId)
  if (!match) throw new AppError('INVALID_GROUP_TICKET')
  return `local-${match[1]}`
}
