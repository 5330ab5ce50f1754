import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import QRCode from 'qrcode'
import './card-qr.css'

const CANVAS_ID = 'card-qr-canvas'

/**
 * A QR code for `text` (the point card's, a certificate's, a door plate's). H5: the qrcode library
 * renders a PNG data URL. Mini-program: the same library computes the module matrix (`create`), drawn
 * on a 2d canvas (no DOM there) whose `canvasId` tells several QRs on one page apart.
 */
export function CardQr({ text, canvasId = CANVAS_ID, className = '' }: { text: string; canvasId?: string; className?: string }) {
  return (
    <View className={`card-qr ${className}`}>{process.env.TARO_ENV === 'weapp' ? <QrCanvas text={text} canvasId={canvasId} /> : <QrImage text={text} />}</View>
  )
}

/**
 * The token as one byte segment. A card token is ASCII (base64url and '.'), and WeChat's JS engine
 * has no TextEncoder, which the library would use to turn a string into bytes.
 */
function tokenSegments(text: string): QRCode.QRCodeSegment[] {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error('a card token is printable ASCII')
  return [{ mode: 'byte', data: Uint8Array.from(text, (char) => char.charCodeAt(0)) }]
}

function QrImage({ text }: { text: string }) {
  const [url, setUrl] = useState('')
  useEffect(() => {
    let current = true
    void QRCode.toDataURL(tokenSegments(text), { errorCorrectionLevel: 'M', margin: 2, width: 600 }).then((dataUrl) => {
      if (current) setUrl(dataUrl)
    })
    return () => {
      current = false
    }
  }, [text])
  // A background image keeps the square exactly the box's size (Taro's H5 Image wraps and offsets the <img>).
  return <View className="card-qr__image card-qr__image--png" style={url ? { backgroundImage: `url(${url})` } : undefined} />
}

function QrCanvas({ text, canvasId }: { text: string; canvasId: string }) {
  useEffect(() => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((result: { node: Taro.Canvas; width: number; height: number }[]) => {
        const found = result[0]
        if (!found?.node) return
        const { node: canvas, width } = found
        const ratio = Taro.getSystemInfoSync().pixelRatio
        canvas.width = width * ratio
        canvas.height = width * ratio
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
        ctx.scale(ratio, ratio)
        drawMatrix(ctx, text, width)
      })
  }, [text, canvasId])
  return <Canvas type="2d" id={canvasId} className="card-qr__image" />
}

function drawMatrix(ctx: CanvasRenderingContext2D, text: string, width: number) {
  const { modules } = QRCode.create(tokenSegments(text), { errorCorrectionLevel: 'M' })
  const quiet = 2
  const cell = width / (modules.size + quiet * 2)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, width)
  ctx.fillStyle = '#000000'
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) ctx.fillRect((col + quiet) * cell, (row + quiet) * cell, Math.ceil(cell), Math.ceil(cell))
    }
  }
}
