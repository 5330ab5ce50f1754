import type { Page } from 'playwright-core'

/**
 * The readability check of DESIGN ("Readable by a 70-year-old"), measured in the page the way a person
 * meets it: what is visible in the shown page, in CSS pixels. The numbers are the design tokens'
 * (src/styles/tokens.css); this file only measures them.
 */
export const SCALE = {
  normal: { minText: 14, bodyText: 16 },
  elder: { minText: 16, bodyText: 20 },
  /** Below this nothing is readable, whatever it is. */
  floor: 12,
  tapTarget: 44,
  tapGap: 8,
  contrast: 4.5,
} as const

/** The class (app.css) that marks an element scrolling sideways on purpose: a wide table. */
export const DELIBERATE_SCROLLER = 'sideways-scroller'

export type Finding = { kind: 'text' | 'body' | 'target' | 'gap' | 'overflow' | 'contrast'; detail: string }

/**
 * Everything on the visible page `root` (a CSS selector) that breaks the scale. Runs inside the page:
 * tap targets are native controls and the elements given a tap handler, text is
 * every element with a visible text node of its own.
 */
export async function readabilityFindings(page: Page, root: string, elder: boolean): Promise<Finding[]> {
  const scale = { ...SCALE, ...(elder ? SCALE.elder : SCALE.normal) }
  return page.evaluate(
    ({ root, scale, scrollerClass }) => {
      const findings: { kind: string; detail: string }[] = []
      const shown = Array.from(document.querySelectorAll(root) as NodeListOf<HTMLElement>).filter((element) => element.offsetParent !== null || getComputedStyle(element).position === 'fixed').pop()
      if (!shown) return [{ kind: 'text', detail: `no visible ${root}` }]
      const viewportWidth = document.documentElement.clientWidth
      const label = (element: Element) => {
        const text = (element as HTMLElement).innerText?.replace(/\s+/g, ' ').trim().slice(0, 24)
        const cls = typeof element.className === 'string' ? element.className.split(/\s+/).filter(Boolean).slice(0, 2).join('.') : ''
        return `${element.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${text ? ` “${text}”` : ''}`
      }
      const visible = (element: Element) => {
        const rect = element.getBoundingClientRect()
        if (rect.width < 1 || rect.height < 1) return false
        for (let node: Element | null = element; node; node = node.parentElement) {
          const style = getComputedStyle(node)
          if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false
        }
        return true
      }
      const inScroller = (element: Element) => element.closest(`.${scrollerClass}`) !== null

      // Colours: the text's colour against the first opaque background behind it.
      const rgba = (value: string) => {
        const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0]
        return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 }
      }
      const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
        const channel = (c: number) => {
          const s = c / 255
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
      }
      const backgroundOf = (element: Element) => {
        for (let node: Element | null = element; node; node = node.parentElement) {
          const style = getComputedStyle(node)
          if (style.backgroundImage !== 'none') return null
          const colour = rgba(style.backgroundColor)
          if (colour.a >= 0.99) return colour
        }
        return { r: 255, g: 255, b: 255, a: 1 }
      }

      // Text: every element with a visible text node of its own.
      const sizes = new Map<number, number>()
      const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT)
      const reported = new Set<Element>()
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? ''
        const element = node.parentElement
        if (!text || !element || reported.has(element) || !visible(element)) continue
        reported.add(element)
        const style = getComputedStyle(element)
        const size = parseFloat(style.fontSize)
        sizes.set(size, (sizes.get(size) ?? 0) + text.length)
        if (size < scale.floor || size < scale.minText) findings.push({ kind: 'text', detail: `${size}px ${label(element)}` })
        const background = backgroundOf(element)
        const colour = rgba(style.color)
        if (background && colour.a > 0) {
          const [light, dark] = [luminance(colour), luminance(background)].sort((x, y) => y - x)
          const ratio = (light + 0.05) / (dark + 0.05)
          if (ratio < scale.contrast) findings.push({ kind: 'contrast', detail: `${ratio.toFixed(2)}:1 ${label(element)}` })
        }
      }
      // Body text: the size most of the page's characters are set in.
      const body = [...sizes.entries()].sort((x, y) => y[1] - x[1])[0]
      if (body && body[0] < scale.bodyText) findings.push({ kind: 'body', detail: `most text is ${body[0]}px` })

      // Tap targets: what React listens to for a tap, plus native controls.
      const targets = Array.from(shown.querySelectorAll('*') as NodeListOf<HTMLElement>).filter((element) => {
        if (!visible(element)) return false
        if (element.matches('input:not([type=hidden]), textarea, select, button, a[href]')) return true
        // Taro's H5 components keep their listeners in `__events` (click, tap).
        const events = (element as unknown as { __events?: Record<string, unknown> }).__events
        return events !== undefined && ('click' in events || 'tap' in events)
      })
      // An outer target that wraps another (a card around its button) is measured once, as the inner one.
      const outermost = targets.filter((element) => !targets.some((other) => other !== element && element.contains(other)))
      const rects = outermost.map((element) => ({ element, rect: element.getBoundingClientRect() }))
      for (const { element, rect } of rects) {
        if (rect.width < scale.tapTarget - 0.5 || rect.height < scale.tapTarget - 0.5) {
          findings.push({ kind: 'target', detail: `${Math.round(rect.width)}×${Math.round(rect.height)} ${label(element)}` })
        }
      }
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const a = rects[i].rect
          const b = rects[j].rect
          const dx = Math.max(0, b.left - a.right, a.left - b.right)
          const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom)
          if (Math.max(dx, dy) < scale.tapGap - 0.5) {
            findings.push({ kind: 'gap', detail: `${Math.round(Math.max(dx, dy))}px between ${label(rects[i].element)} and ${label(rects[j].element)}` })
          }
        }
      }

      // Sideways: nothing reaches past the screen's edge unless it sits in a deliberate scroller.
      if (document.scrollingElement && document.scrollingElement.scrollWidth > viewportWidth + 1) {
        findings.push({ kind: 'overflow', detail: `the page is ${document.scrollingElement.scrollWidth}px wide in ${viewportWidth}px` })
      }
      for (const element of Array.from(shown.querySelectorAll('*') as NodeListOf<HTMLElement>)) {
        if (inScroller(element) || !visible(element)) continue
        const rect = element.getBoundingClientRect()
        if (rect.right > viewportWidth + 1 && element.children.length === 0) {
          findings.push({ kind: 'overflow', detail: `${label(element)} reaches ${Math.round(rect.right)}px in ${viewportWidth}px` })
        }
      }
      return findings
    },
    { root, scale, scrollerClass: DELIBERATE_SCROLLER },
  ) as Promise<Finding[]>
}
