// Renders PDF pages onto canvases with pdf.js, for previews inside the app. Loaded on demand:
// pdf.js is large and only the preview needs it.

/** Decodes the base64 the core sends PDFs in. */
export function pdfBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Draws every page of `pdf` into `container` (replacing what was there), each page as wide as
 * `width` CSS pixels. Returns the number of pages.
 */
export async function renderPdf(pdf: Uint8Array, container: HTMLElement, width: number): Promise<number> {
  // The legacy build runs on WebKitGTK 2.40 (Debian 12, UOS, Kylin) as well as newer webviews.
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const worker = await import("pdfjs-dist/legacy/build/pdf.worker.min.mjs?url");
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  // The app's CSP forbids eval; the fonts are embedded, so no CMap or standard font is fetched.
  const doc = await pdfjs.getDocument({ data: pdf, isEvalSupported: false }).promise;
  try {
    container.replaceChildren();
    const ratio = window.devicePixelRatio || 1;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const unscaled = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
      const canvas = document.createElement("canvas");
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${width}px`;
      canvas.dataset.page = String(n);
      container.append(canvas);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("画布不可用，无法预览");
      await page.render({ canvas, canvasContext: context, viewport }).promise;
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
