import vm from 'node:vm'
import { wxmlToJs } from 'miniprogram-compiler'

/**
 * One element of the tree WeChat's view layer draws: tag (`wx-view`, `wx-comp`…), attributes,
 * children, and the custom component whose template drew it (its methods handle its events).
 */
export type ViewNode = { tag: string; attr: Record<string, unknown>; children: ViewChild[]; owner?: string }
export type ViewChild = ViewNode | string

type Gwx = (file: string) => (data: object, env: object, scope: object) => ViewNode

/** Custom components Taro's pages use: the tag the compiler gives them, the wxml they render. */
const CUSTOM_COMPONENTS: Record<string, string> = { 'wx-comp': 'comp' }

/**
 * Renders the package's pages with WeChat's own WXML compiler (wcc from `miniprogram-compiler`):
 * `$gwx(file)(data)` is the virtual tree the phone would draw for that data. Custom components are
 * rendered from their own wxml with their properties as data, so the whole tree comes out in one piece.
 * A template the compiler cannot find (a node Taro produced but did not declare) is an error, not a gap.
 */
export function createWxmlRenderer(distDir: string) {
  const warnings: string[] = []
  const record = (...args: unknown[]) => void warnings.push(args.join(' '))
  // wcc's output keeps state in globals, so each package gets a realm of its own; page data is
  // copied into that realm, because wcc's runtime tells objects and arrays apart by their constructors.
  const realm = vm.createContext({ console: { ...console, log: record, warn: record } })
  const $gwx = vm.runInContext(`(function () { var window = {}; ${wxmlToJs(distDir)} })()`, realm, { filename: 'wcc-output.js' }) as Gwx
  const realmJson = vm.runInContext('JSON', realm) as JSON

  function renderFile(file: string, data: object, owner?: string): ViewNode {
    warnings.length = 0
    const tree = $gwx(`${file}.wxml`)(realmJson.parse(JSON.stringify(data)), {}, {})
    if (!tree) throw new Error(`wcc has no template for ${file}.wxml`)
    if (warnings.length > 0) throw new Error(`wcc could not render ${file}.wxml: ${warnings.join('; ')}`)
    return expand(tree, owner)
  }

  function expand(node: ViewNode, owner?: string): ViewNode {
    const component = CUSTOM_COMPONENTS[node.tag]
    if (component) {
      const inner = renderFile(component, node.attr, component)
      return { tag: node.tag, attr: {}, children: inner.children, owner }
    }
    const children = (node.children ?? []).map((child) => (typeof child === 'string' ? child : expand(child, owner)))
    return { tag: node.tag, attr: node.attr ?? {}, children, owner }
  }

  return { render: (pagePath: string, data: object) => renderFile(pagePath, data) }
}

export type WxmlRenderer = ReturnType<typeof createWxmlRenderer>
