import { createMd5 } from '../core/md5';
import { SAMPLE_HLS_SEGMENTS_BASE64, SAMPLE_HLS_SEGMENT_SECONDS } from './media/sample-hls';
import { SAMPLE_MP4_BASE64 } from './media/sample-mp4';
import { THUMBNAIL_JPG_BASE64 } from './media/thumbnail-jpg';

/** Decodes base64 without Node's Buffer, so the emulator core runs in browsers too. */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Lazily decoded, shared by every emulator instance (the bytes are never mutated). */
let mp4: Uint8Array | undefined;
let mp4Md5: string | undefined;
let segments: Uint8Array[] | undefined;
let thumbnail: Uint8Array | undefined;

/** The sample MP4 (H.264 + AAC, 3 s, 160x90) every recording plays. */
export function sampleMp4(): Uint8Array {
  mp4 ??= decodeBase64(SAMPLE_MP4_BASE64);
  return mp4;
}

/** MD5 of {@link sampleMp4}, lowercase hex: the `md5Hash` of every seeded recording. */
export function sampleMp4Md5(): string {
  mp4Md5 ??= createMd5().update(sampleMp4()).digest();
  return mp4Md5;
}

/** The MPEG-TS segments of the HLS rendition. */
export function hlsSegments(): Uint8Array[] {
  segments ??= SAMPLE_HLS_SEGMENTS_BASE64.map(decodeBase64);
  return segments;
}

/** The default JPEG thumbnail. */
export function thumbnailJpg(): Uint8Array {
  thumbnail ??= decodeBase64(THUMBNAIL_JPG_BASE64);
  return thumbnail;
}

/** A VOD playlist whose segment URIs are relative to the playlist (`segment0.ts`, ...). */
export function hlsPlaylist(): string {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${SAMPLE_HLS_SEGMENT_SECONDS}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
  ];
  hlsSegments().forEach((_, i) => lines.push(`#EXTINF:${SAMPLE_HLS_SEGMENT_SECONDS.toFixed(6)},`, `segment${i}.ts`));
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}
