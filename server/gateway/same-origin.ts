import type { IncomingMessage } from 'node:http'

/**
 * The Host values the gateway answers to: itself on this computer at its port, and the public
 * host it is published under, if any (PUBLIC_HOST, e.g. "jf.example.cn" behind a reverse proxy).
 */
export function servedHosts(port: number, publicHost?: string): string[] {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]
  if (port === 80) hosts.push('127.0.0.1', 'localhost', '[::1]')
  for (const host of (publicHost ?? '').split(',')) {
    if (host.trim()) hosts.push(host.trim().toLowerCase())
  }
  return hosts
}

/**
 * Why a request is not for this gateway, or null when it is. A web page on another site that
 * rebinds its own name to 127.0.0.1 (DNS rebinding) still sends its own name as Host; a page on
 * another site posting here sends its own Origin. Both are refused. A client with no Origin (the
 * backup command, curl) is not a web page and is let through; browsers send Origin on every POST.
 */
export function foreignRequest(req: IncomingMessage, hosts: readonly string[]): string | null {
  const host = (req.headers.host ?? '').toLowerCase()
  if (!hosts.includes(host)) return '这个网址不是善治积分的地址，请用 http://127.0.0.1 打开'
  const origin = req.headers.origin
  if (req.method !== 'GET' && req.method !== 'HEAD' && origin !== undefined) {
    const own = hosts.some((h) => origin.toLowerCase() === `http://${h}` || origin.toLowerCase() === `https://${h}`)
    if (!own) return '别的网站不能替您提交善治积分的操作'
  }
  return null
}
