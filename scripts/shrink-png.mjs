// Makes a screenshot small enough to keep in the repository: scaled down in a browser's canvas
// (good resampling, no image library needed), narrower again until the file is under a budget.
const BUDGET = 60 * 1024;

/** In the page: the PNG (base64), its top `height` px only, redrawn `width` px wide, as base64 PNG. */
async function redraw([base64, width, height]) {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const scale = Math.min(1, width / image.naturalWidth);
  const kept = Math.min(image.naturalHeight, height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.naturalWidth * scale);
  canvas.height = Math.round(kept * scale);
  const context = canvas.getContext('2d');
  context.imageSmoothingQuality = 'high';
  const { naturalWidth } = image;
  context.drawImage(image, 0, 0, naturalWidth, kept, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

/**
 * `driver`: a launched Chromium (support/chromium-driver). Keeps the top `height` px of the
 * picture, `width` px wide or narrower; returns the smaller PNG.
 */
export async function shrinkPng(driver, png, width, height = Infinity) {
  const page = await driver.newPage('about:blank');
  try {
    let small;
    for (let w = width; ; w = Math.round(w * 0.85)) {
      small = Buffer.from(
        await page.evaluate(redraw, [png.toString('base64'), w, height]),
        'base64',
      );
      if (small.length <= BUDGET || w < 200) return small;
    }
  } finally {
    await page.close();
  }
}
