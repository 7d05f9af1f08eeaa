// Smaller photos before upload: a phone's photo (3–8 MB) is decoded in the
// browser and drawn again at most 2048 px on its long side as a JPEG of
// quality 0.85, usually under 1 MB, which a slow connection sends in a
// fraction of the time. The participant may keep the original instead.

/** Photos larger than this are made smaller. */
export const shrinkAbove = 1.5 * 1024 * 1024;
/** The longest side of a smaller photo, in pixels. */
export const maxSide = 2048;
/** The JPEG quality of a smaller photo. */
export const jpegQuality = 0.85;

const photoTypes = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];
const photoNames = /\.(jpe?g|png|webp|heic|heif)$/i;

/** Whether file is a photo large enough to be made smaller (other files are sent as they are). */
export function mayShrink(file: File): boolean {
  return file.size > shrinkAbove && (photoTypes.includes(file.type.toLowerCase()) || photoNames.test(file.name));
}

/**
 * The photo drawn again at most maxSide px on its long side as a JPEG, or
 * undefined when the browser cannot decode it (HEIC outside Safari, say)
 * or the result would not be smaller. Uses OffscreenCanvas where there is
 * one, so that encoding does not need a canvas in the page.
 */
export async function shrinkPhoto(file: File): Promise<File | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return undefined; // not decodable here: sent as it is
  }
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const blob = await encode(bitmap, width, height);
    if (!blob || blob.size >= file.size) return undefined;
    const name = file.name.replace(/\.[^.]*$/, "") + ".jpg";
    return new File([blob], name, { type: "image/jpeg", lastModified: file.lastModified });
  } catch {
    return undefined;
  } finally {
    bitmap.close();
  }
}

/** bitmap at width × height as a JPEG on white (a PNG's transparency would turn black). */
async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== "undefined") {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d");
    if (!ctx) return null;
    draw(ctx, bitmap, width, height);
    return canvas.convertToBlob({ type: "image/jpeg", quality: jpegQuality });
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  draw(ctx, bitmap, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", jpegQuality));
}

function draw(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, bitmap: ImageBitmap, width: number, height: number) {
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, 0, 0, width, height);
}
