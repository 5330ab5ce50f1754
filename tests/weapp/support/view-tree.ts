import type { ViewChild, ViewNode } from './wxml-renderer'

/** An element of the rendered page with the chain of its ancestors (innermost last), for event bubbling. */
export type Located = { node: ViewNode; ancestors: ViewNode[] }

/** The text a person reads in an element: its text nodes and its descendants', in order. */
export function textOf(node: ViewChild): string {
  if (typeof node === 'string') return node
  if (node.tag === 'wx-input' || node.tag === 'wx-textarea') return String(node.attr.value ?? '')
  return node.children.map(textOf).join('')
}

/** Every element, depth first, with its ancestors. */
export function* walk(node: ViewNode, ancestors: ViewNode[] = []): Generator<Located> {
  yield { node, ancestors }
  for (const child of node.children) {
    if (typeof child !== 'string') yield* walk(child, [...ancestors, node])
  }
}

/**
 * The innermost elements whose text contains `text` — what a person would put a finger on. An
 * element counts only when none of its children already holds the whole text; an element that
 * reads exactly `text` (a button's label) goes before one that merely contains it (a heading).
 */
export function findByText(root: ViewNode, text: string | RegExp): Located[] {
  const matches = (value: string) => (typeof text === 'string' ? value.includes(text) : text.test(value))
  const found: Located[] = []
  for (const located of walk(root)) {
    if (!matches(textOf(located.node))) continue
    const innerHolds = located.node.children.some((child) => typeof child !== 'string' && matches(textOf(child)))
    if (!innerHolds) found.push(located)
  }
  const exact = (located: Located) => (typeof text === 'string' && textOf(located.node).trim() === text ? 0 : 1)
  return found.sort((a, b) => exact(a) - exact(b))
}

/** `data-foo-bar` attributes as WeChat's `dataset` (`fooBar`). */
export function datasetOf(node: ViewNode): Record<string, unknown> {
  const dataset: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node.attr)) {
    if (key.startsWith('data-')) dataset[key.slice(5).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = value
  }
  return dataset
}
