import { fieldLabelOf } from './field-labels'

/**
 * A validation problem as zod reports it (the parts used here). `custom` is set when the schema
 * itself wrote the message ("照片最多 9 张"): that is kept as it is.
 */
export type InputIssue = {
  code: string
  path: readonly PropertyKey[]
  message: string
  custom: boolean
  input?: unknown
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
}

/**
 * One plain Chinese sentence per problem, naming the field as a person knows it, never its code name,
 * and for a field of one item of a list, which item: "第 3 条细则：细则名称太短".
 */
export function plainIssueMessage(issue: InputIssue): string {
  return `${whichItem(issue.path)}${fieldMessage(issue)}`
}

/** "第 3 条细则：" when the path goes into an item of a list of objects (rules.2.title), else ''. */
function whichItem(path: readonly PropertyKey[]): string {
  const at = path.findIndex((key, i) => typeof key === 'number' && i > 0 && i < path.length - 1)
  if (at < 0) return ''
  const list = fieldLabelOf(path.slice(0, at))
  return `第 ${(path[at] as number) + 1} ${list.unit ?? '项'}${list.label}：`
}

function fieldMessage(issue: InputIssue): string {
  if (issue.custom) return issue.message
  const { label, pick, unit } = fieldLabelOf(issue.path)
  const missing = issue.input === undefined || issue.input === null || issue.input === ''
  const fillIn = pick ? `请选择${label}` : `请填写${label}`
  switch (issue.code) {
    case 'invalid_type':
      return missing ? fillIn : `${label}的格式不对`
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? fillIn : `${label}至少 ${issue.minimum} 个字`
      if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? fillIn : `${label}至少 ${issue.minimum} ${unit ?? '项'}`
      return `${label}不能小于 ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `${label}最多 ${issue.maximum} 个字`
      if (issue.origin === 'array') return `${label}最多 ${issue.maximum} ${unit ?? '项'}`
      return `${label}不能大于 ${issue.maximum}`
    case 'unrecognized_keys':
      return '填写的内容里有多余的项目，请刷新后重试'
    default:
      return missing ? fillIn : `${label}不对，请检查后重填`
  }
}

/** Each field's first problem by its top-level name, and the sentence to show when only one fits. */
export function plainIssues(issues: readonly InputIssue[]): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : ''
    fields[field] ??= plainIssueMessage(issue)
  }
  const first = issues[0] ? plainIssueMessage(issues[0]) : '填写的内容格式不对'
  return { message: first, fields }
}
