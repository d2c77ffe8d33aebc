import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_png
} from "./chunk-4FLL4CAG.js";
import {
  formatMiB
} from "./chunk-MMFUUSFF.js";
import {
  __toESM
} from "./chunk-6DG7BXTN.js";

// src/ipa/png.ts
var import_pngjs = __toESM(require_png(), 1);
import { crc32, deflateSync, inflateRawSync, inflateSync } from "node:zlib";
var MAX_PNG_SIDE = 4096;
var MAX_INFLATED_BYTES = 64 * 1024 * 1024;
var SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
var IHDR_LENGTH = 13;
function normalizePng(data) {
  const chunks = readChunks(data);
  const header = chunks[0]?.type === "CgBI" ? chunks[1] : chunks[0];
  if (header?.type !== "IHDR" || header.data.length !== IHDR_LENGTH) {
    throw new Error("PNG does not start with an IHDR chunk");
  }
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  if (width < 1 || height < 1 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw new Error(
      `PNG is ${width}\xD7${height} pixels; icons of 1 to ${MAX_PNG_SIDE} pixels a side are read`
    );
  }
  const crushed = chunks.some((chunk) => chunk.type === "CgBI");
  const compressed = Buffer.concat(
    chunks.filter((chunk) => chunk.type === "IDAT").map((chunk) => chunk.data)
  );
  const inflated = inflateCapped(compressed, crushed);
  const standard = writePng([
    header,
    ...chunks.filter((chunk) => chunk.type === "PLTE" || chunk.type === "tRNS"),
    // Stored, not compressed: pngjs inflates it again at once, and only its own output is kept.
    { type: "IDAT", data: deflateSync(inflated, { level: 0 }) },
    { type: "IEND", data: Buffer.alloc(0) }
  ]);
  const image = import_pngjs.PNG.sync.read(standard);
  if (crushed) unpremultiplyBgra(image.data);
  return { png: import_pngjs.PNG.sync.write(image), width, height, crushed };
}
function readChunks(data) {
  if (data.length < SIGNATURE.length || !data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new Error("not a PNG file (no PNG signature)");
  }
  const chunks = [];
  let offset = SIGNATURE.length;
  for (; ; ) {
    if (offset + 12 > data.length) throw new Error("PNG is truncated (no IEND chunk)");
    const length = data.readUInt32BE(offset);
    const end = offset + 8 + length;
    if (end + 4 > data.length) throw new Error("PNG is truncated inside a chunk");
    const type = data.toString("latin1", offset + 4, offset + 8);
    if (crc32(data.subarray(offset + 4, end)) !== data.readUInt32BE(end)) {
      throw new Error(`PNG chunk ${JSON.stringify(type)} has a wrong CRC`);
    }
    if (type === "IEND") return chunks;
    chunks.push({ type, data: data.subarray(offset + 8, end) });
    offset = end + 4;
  }
}
function inflateCapped(compressed, raw) {
  try {
    const options = { maxOutputLength: MAX_INFLATED_BYTES };
    return raw ? inflateRawSync(compressed, options) : inflateSync(compressed, options);
  } catch (error) {
    if (error.code === "ERR_BUFFER_TOO_LARGE") {
      throw new Error(`PNG pixel data inflates past ${formatMiB(MAX_INFLATED_BYTES)}`);
    }
    throw new Error(`PNG pixel data is not a valid deflate stream (${error.message})`);
  }
}
function writePng(chunks) {
  const parts = [SIGNATURE];
  for (const { type, data } of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))));
    parts.push(head, data, crc);
  }
  return Buffer.concat(parts);
}
function unpremultiplyBgra(pixels) {
  for (let i = 0; i + 3 < pixels.length; i += 4) {
    const blue = pixels[i] ?? 0;
    const green = pixels[i + 1] ?? 0;
    const red = pixels[i + 2] ?? 0;
    const alpha = pixels[i + 3] ?? 0;
    const scale = alpha === 0 || alpha === 255 ? 1 : 255 / alpha;
    pixels[i] = Math.min(255, Math.round(red * scale));
    pixels[i + 1] = Math.min(255, Math.round(green * scale));
    pixels[i + 2] = Math.min(255, Math.round(blue * scale));
  }
}
export {
  normalizePng
};
