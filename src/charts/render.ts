// Renders a Vega-Lite spec to PNG in-process: vega-lite compiles it, vega draws it as SVG (no canvas, no
// browser), resvg-js rasterises the SVG (a native binary shipped inside its npm package). Nothing is
// downloaded at run time. The libraries load on first use, so commands that draw nothing never pay for them.

/** Width of every chart image in pixels: the height follows from its layout. */
export const CHART_WIDTH = 800;

/** Font families resvg falls back to for the chart's sans-serif text. */
const SANS = 'DejaVu Sans';

export async function renderPng(spec: object): Promise<Uint8Array> {
  const [vega, vl, { renderAsync }] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
  // vega-lite's warnings would go to the console; a chart it cannot draw throws instead
  const quiet = { level: () => quiet, error: (...m: unknown[]) => { throw new Error(`chart: ${m.join(' ')}`); }, warn: () => quiet, info: () => quiet, debug: () => quiet };
  const compiled = vl.compile(spec as Parameters<typeof vl.compile>[0], { logger: quiet as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // rasterised on libuv's thread pool, off the event loop (font loading and drawing are the slow part)
    const image = await renderAsync(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: SANS, sansSerifFamily: SANS },
      background: 'white',
      fitTo: { mode: 'width', value: CHART_WIDTH },
    });
    const png = image.asPng();
    return new Uint8Array(png);
  } finally {
    view.finalize();
  }
}

/** Width and height of a PNG, read from its header; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
