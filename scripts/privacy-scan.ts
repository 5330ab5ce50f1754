import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { PRIVACY_APIS, type PrivacyDeclaration } from '../src/core/privacy-declarations'

/** One use of a WeChat privacy interface in the sources: file (from the root), the API, its line. */
export type PrivacyCall = { file: string; api: string; line: number }

/** Open types of <Button> and components that are privacy interfaces too (WeChat's table). */
const PRIVACY_MARKUP: [RegExp, string][] = [
  [/openType=["'{]+getPhoneNumber/g, 'button.getPhoneNumber'],
  [/openType=["'{]+getRealtimePhoneNumber/g, 'button.getRealtimePhoneNumber'],
  [/openType=["'{]+chooseAvatar/g, 'button.chooseAvatar'],
  [/<Camera\b/g, 'camera'],
  [/<Voip/g, 'voip-room'],
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : []
  })
}

/**
 * Every use of a privacy interface under `root/src`: `Taro.<api>` or `wx.<api>` (called or passed on;
 * `Taro.chooseImage.SuccessCallbackResult`, a type, is not a use) and the privacy open types and components.
 */
export function scanPrivacyCalls(root: string): PrivacyCall[] {
  const apis = new Set(PRIVACY_APIS)
  const calls: PrivacyCall[] = []
  for (const full of sourceFiles(path.join(root, 'src'))) {
    const file = path.relative(root, full).split(path.sep).join('/')
    // Comments are blanked (line breaks kept): a comment naming an API is not a call.
    const text = readFileSync(full, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|\s)\/\/[^\n]*/gm, (comment) => comment.replace(/[^\n]/g, ' '))
    const lineOf = (index: number) => text.slice(0, index).split('\n').length
    for (const match of text.matchAll(/\b(?:Taro|wx)\s*\.\s*(\w+)\b(?!\s*\.)/g)) {
      if (apis.has(match[1])) calls.push({ file, api: match[1], line: lineOf(match.index ?? 0) })
    }
    for (const [pattern, api] of PRIVACY_MARKUP) {
      for (const match of text.matchAll(pattern)) calls.push({ file, api, line: lineOf(match.index ?? 0) })
    }
  }
  return calls
}

/** What is wrong between the code and the declaration list, one plain line each (empty when they agree). */
export function checkPrivacyDeclarations(calls: PrivacyCall[], declarations: readonly PrivacyDeclaration[]): string[] {
  const problems: string[] = []
  for (const call of calls) {
    const declared = declarations.find((d) => d.api === call.api)
    if (!declared) problems.push(`${call.file}:${call.line} calls ${call.api}, which src/core/privacy-declarations.ts does not declare`)
    else if (!declared.files.includes(call.file)) problems.push(`${call.file}:${call.line} calls ${call.api}, but the declaration of ${call.api} does not name this file`)
  }
  for (const declared of declarations) {
    for (const file of declared.files) {
      if (!calls.some((c) => c.api === declared.api && c.file === file)) problems.push(`${declared.api} is declared for ${file}, which no longer calls it`)
    }
  }
  return problems
}
