import { inflateRawSync } from 'node:zlib';
import { documentFileTypes, type DocumentFileType } from '../../../shared/grants';

// Decides what an uploaded file is from its bytes, never from the name or type the browser sent:
// a "budget.pdf" that is really an HTML page must not be stored as a PDF, nor served as anything
// a browser would render. Only a few formats are accepted:
//   PDF            starts with "%PDF-"
//   DOCX, XLSX     a ZIP whose [Content_Types].xml declares the Word/Excel main part, which exists
//   ODT, ODS       a ZIP whose "mimetype" entry names the OpenDocument text/spreadsheet type
//   PNG            the 8-byte PNG signature followed by an IHDR chunk
//   JPEG           starts with the SOI marker FF D8 and another marker FF xx
//   TXT, CSV       valid UTF-8 without NUL (or other C0 control characters but tab, CR, LF, FF), and
//                  not markup: text that opens with a tag (an HTML page, SVG, XML) is refused, so
//                  that nothing a browser might render as a page is ever stored
// file-type would do this, but needs Node 22; these few signatures are simple enough to check here.

const ooxmlMainTypes: Record<string, DocumentFileType> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
};
const odfMimetypes: Record<string, DocumentFileType> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The central directory of a ZIP file, or null when it is not a well-formed (non-ZIP64) archive. */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  // The end-of-central-directory record sits in the last 22 + up to 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (offset + size > eocd || count > 10_000) return null;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== 0x02014b50) return null;
    const method = bytes.readUInt16LE(p + 10);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    if (p + 46 + nameLength > eocd) return null;
    entries.push({ name: bytes.toString('utf8', p + 46, p + 46 + nameLength), method, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's contents, at most `maxBytes` once inflated (a small "zip bomb" cannot blow up memory). */
function readEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer | null {
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  const data = bytes.subarray(start, end);
  try {
    if (entry.method === 0) return data.length <= maxBytes ? data : null;
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
  return null;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2]) : null;
}

function sniffZip(bytes: Buffer): DocumentFileType | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const byName = new Map(entries.map((e) => [e.name, e]));

  const mimetype = byName.get('mimetype');
  if (mimetype) {
    const value = readEntry(bytes, mimetype, 200)?.toString('latin1');
    const type = value ? odfMimetypes[value] : undefined;
    return type && byName.has('content.xml') ? type : null;
  }

  const contentTypes = byName.get('[Content_Types].xml');
  if (contentTypes) {
    const xml = readEntry(bytes, contentTypes, 512 * 1024)?.toString('utf8');
    if (!xml) return null;
    for (const [tag] of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
      const type = ooxmlMainTypes[attribute(tag, 'ContentType') ?? ''];
      const part = attribute(tag, 'PartName');
      if (type && part && byName.has(part.replace(/^\//, ''))) return type;
    }
  }
  return null;
}

/** Text that opens with a tag or a comment (after a BOM and white space): HTML, SVG, XML. */
function looksLikeMarkup(text: string): boolean {
  return /^\uFEFF?\s*<[!?a-zA-Z]/.test(text.slice(0, 1024));
}

function isText(bytes: Buffer): boolean {
  // NUL and the other C0 controls (but tab, LF, FF, CR) mean binary data.
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  try {
    return !looksLikeMarkup(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return false;
  }
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What the bytes are, or null when they are none of the accepted formats. */
export function sniffDocument(bytes: Buffer): DocumentFileType | null {
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  if (bytes.length >= 16 && bytes.subarray(0, 8).equals(pngSignature) && bytes.toString('latin1', 12, 16) === 'IHDR') return 'png';
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes[3] >= 0xc0 && bytes[3] !== 0xff) return 'jpeg';
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return sniffZip(bytes);
  if (isText(bytes)) return 'text';
  return null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The content type we serve: decided by the bytes; for text, the name tells CSV from plain text. */
export function servedContentType(type: DocumentFileType, fileName: string): string {
  if (type === 'text') return extensionOf(fileName) === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8';
  return documentFileTypes[type].contentType;
}

/** The last path segment, without control characters, at most 150 characters (keeping the extension). */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = base.replace(/[\u0000-\u001f\u007f-\u009f\p{Cs}]/gu, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (name.length > 150) {
    // The extension as written (FOTO.JPG stays .JPG).
    const ext = extensionOf(name) ? name.slice(name.lastIndexOf('.') + 1) : '';
    name = ext && ext.length < 10 ? `${head(name, 149 - ext.length).trimEnd()}.${ext}` : head(name, 150);
  }
  return name;
}

/** The first `max` UTF-16 units of `text`, never half of a surrogate pair (an emoji cut in two is a broken character). */
function head(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** RFC 6266: an ASCII fallback in filename= and the exact name, UTF-8 and percent-encoded, in filename*=. */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%;]/g, '_') || 'dokument';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
