/** One thing the app did to a canvas: a method call or a property set (`fillStyle = '#000'`). */
export type DrawCall = { op: string; args: unknown[] }

/** A Canvas 2D node as `SelectorQuery.fields({ node: true })` gives it: size, and a context that records. */
export type CanvasNode = { width: number; height: number; drawCalls: DrawCall[]; getContext(kind: string): unknown }

/**
 * The phone draws pixels; the test keeps the drawing as calls, so it can read back what was drawn
 * (the QR's dark modules, the poster's lines of text). `measureText` answers a width as a CJK font
 * would (one em per character), which is what line wrapping needs.
 */
export function createCanvasNode(): CanvasNode {
  const drawCalls: DrawCall[] = []
  let fontPx = 16
  const state: Record<string, unknown> = {}
  const context = new Proxy(state, {
    get(_target, prop: string) {
      if (prop === 'measureText') return (text: string) => ({ width: [...String(text)].length * fontPx })
      if (prop in state) return state[prop]
      return (...args: unknown[]) => void drawCalls.push({ op: prop, args })
    },
    set(_target, prop: string, value: unknown) {
      state[prop] = value
      if (prop === 'font') fontPx = Number(/(\d+(?:\.\d+)?)px/.exec(String(value))?.[1] ?? fontPx)
      drawCalls.push({ op: `${prop}=`, args: [value] })
      return true
    },
  })
  return {
    width: 300,
    height: 150,
    drawCalls,
    getContext: (kind: string) => {
      if (kind !== '2d') throw new Error(`canvas context "${kind}" is not supported by the stand-in`)
      return context
    },
  }
}
