/**
 * A fresh id for one user intent (one confirm tap). Make it when the intent starts and reuse it on
 * every retry of that intent, so a retried request cannot take effect twice.
 */
export function newRequestId(): string {
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x100000000).toString(36)).join('')
  return `${Date.now().toString(36)}-${random}`
}
