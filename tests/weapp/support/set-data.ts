/**
 * Applies one `setData` patch to a page's data as WeChat does: each key is a data path such as
 * `root.cn.[0].cn.[2].v` or `list[1].name`, creating the objects and arrays on the way.
 */
export function applySetData(data: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const steps = parsePath(key)
    let target: Record<string | number, unknown> = data
    steps.forEach((step, index) => {
      if (index === steps.length - 1) {
        target[step] = cloneData(value)
        return
      }
      const next = target[step]
      if (next === null || typeof next !== 'object') target[step] = typeof steps[index + 1] === 'number' ? [] : {}
      target = target[step] as Record<string | number, unknown>
    })
  }
}

function parsePath(key: string): (string | number)[] {
  const steps: (string | number)[] = []
  for (const match of key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    steps.push(match[1] !== undefined ? Number(match[1]) : match[2])
  }
  if (steps.length === 0) throw new Error(`setData got an empty path "${key}"`)
  return steps
}

/** Data crosses from the logic layer to the view layer as JSON: functions and undefined drop out. */
function cloneData(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value))
}
