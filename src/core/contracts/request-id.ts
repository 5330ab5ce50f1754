import { z } from 'zod'

/**
 * The client-made id of one state change. Every mutating action's input includes it; a repeat
 * with the same id returns the first answer and changes nothing.
 */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为 8 到 64 位字母、数字、- 或 _')
