import type { ServerResponse } from 'node:http'
import type { Envelope } from '../../src/core/contracts/envelope'
import { httpStatusOf } from './http-status'

/** Answers with an envelope and the HTTP status that goes with it. */
export function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>) {
  sendJson(res, httpStatusOf(envelope), envelope)
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers })
  res.end(JSON.stringify(body))
}
