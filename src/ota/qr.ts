import QRCode from 'qrcode'

export type QrTarget = 'page' | 'link'

/** Large enough to scan from a laptop screen or a printed page. */
const QR_PNG_WIDTH = 400
/** The quiet zone the QR specification asks for; less makes phone cameras miss the code. */
const QR_MARGIN_MODULES = 4

export interface QrFiles {
  png: Buffer
  svg: string
}

/** qr.png and qr.svg encoding `text` (the install page URL, or the itms-services link). */
export async function renderQr(text: string): Promise<QrFiles> {
  const options = { errorCorrectionLevel: 'M', margin: QR_MARGIN_MODULES } as const
  const [png, svg] = await Promise.all([
    QRCode.toBuffer(text, { ...options, type: 'png', width: QR_PNG_WIDTH }),
    QRCode.toString(text, { ...options, type: 'svg' })
  ])
  return { png, svg }
}
