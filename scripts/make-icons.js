// Renders resources/icon.svg into the PNG sizes the packages need, committed under
// resources/icons/ so packing needs no step of its own (run again after changing the SVG).
// Linux takes the folder as is (one hicolor size per file); electron-builder makes the
// Windows .ico from 256x256.png and the macOS .icns from 1024x1024.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const resources = fileURLToPath(new URL('../resources/', import.meta.url));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

mkdirSync(`${resources}icons`, { recursive: true });
for (const size of SIZES) {
  // Rendered at the target size rather than scaled down from one bitmap: small sizes stay sharp.
  await sharp(`${resources}icon.svg`, { density: Math.max(72, Math.ceil((72 * size) / 512)) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(`${resources}icons/${size}x${size}.png`);
}
