// The names files travel under: the one an upload is saved as (cleaned of paths,
// control and bidi characters, with an extension matching its real type) and the
// RFC 6266 Content-Disposition a download goes out with.
import type { UploadMime } from '../../domain/application';

const EXTENSIONS: Record<UploadMime, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};
const FILENAME_MAX = 150;

/** RFC 6266: an ASCII fallback for old clients, the real (Cyrillic) name in filename*. */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The name the file is saved under: no directories, no control or bidi
 * characters (U+202E makes «scan‮fdp.exe» look like a PDF), no characters
 * Windows refuses, a bounded length, and an extension that matches the real
 * type so the file opens in the right program.
 */
export function sanitizeFilename(raw: string | null, mime: UploadMime): string {
  const extensions = EXTENSIONS[mime];
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"*:<>?|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const lower = name.toLowerCase();
  const hasExtension = extensions.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
  let stem = hasExtension ? name.slice(0, name.lastIndexOf('.')) : name;
  const ext = hasExtension ? name.slice(name.lastIndexOf('.')).toLowerCase() : extensions[0]!;
  stem = [...stem].slice(0, FILENAME_MAX - ext.length).join('').trim();
  return `${stem || 'документ'}${ext}`;
}
