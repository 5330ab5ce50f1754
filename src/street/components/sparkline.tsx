import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import { useEffect } from 'react'

/** Canvas size in CSS pixels (the canvas is drawn at the phone's pixel ratio). */
const WIDTH = 150
const HEIGHT = 44
const PAD = 4

export type SparkSeries = { values: readonly number[]; color: string }

/**
 * A small trend chart drawn by the app on a 2d canvas (as the card's QR and the 通报 poster are):
 * one line per series over twelve months, on a shared scale from zero. No chart library: these
 * few lines of drawing are all the trends cost in the package.
 */
export function Sparkline({ id, series }: { id: string; series: readonly SparkSeries[] }) {
  const key = JSON.stringify(series)
  useEffect(() => {
    let live = true
    // The canvas reaches the view layer after React's commit: ask again (each ask is a round trip to the view layer) until it is there.
    const draw = (triesLeft: number) =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: ({ node?: Taro.Canvas } | null)[]) => {
          const canvas = result[0]?.node
          if (!live) return
          if (!canvas) {
            if (triesLeft > 0) draw(triesLeft - 1)
            return
          }
          const ratio = Taro.getSystemInfoSync().pixelRatio || 1
          canvas.width = WIDTH * ratio
          canvas.height = HEIGHT * ratio
          const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
          ctx.scale(ratio, ratio)
          drawSeries(ctx, series)
        })
    draw(10)
    return () => {
      live = false
    }
    // The series are compared by value (key): a new array with the same numbers draws nothing new.
  }, [id, key])
  return <Canvas type="2d" id={id} className="sparkline" style={{ width: `${WIDTH}px`, height: `${HEIGHT}px` }} />
}

function drawSeries(ctx: CanvasRenderingContext2D, series: readonly SparkSeries[]) {
  ctx.clearRect(0, 0, WIDTH, HEIGHT)
  const top = Math.max(1, ...series.flatMap((s) => s.values))
  const x = (i: number, count: number) => PAD + (count > 1 ? (i * (WIDTH - 2 * PAD)) / (count - 1) : 0)
  const y = (value: number) => HEIGHT - PAD - (value / top) * (HEIGHT - 2 * PAD)
  ctx.strokeStyle = '#c9c4b5'
  ctx.lineWidth = 1
  ctx.beginPath()
  ctx.moveTo(PAD, HEIGHT - PAD)
  ctx.lineTo(WIDTH - PAD, HEIGHT - PAD)
  ctx.stroke()
  for (const { values, color } of series) {
    ctx.strokeStyle = color
    ctx.lineWidth = 2
    ctx.beginPath()
    values.forEach((value, i) => (i === 0 ? ctx.moveTo(x(i, values.length), y(value)) : ctx.lineTo(x(i, values.length), y(value))))
    ctx.stroke()
  }
}
