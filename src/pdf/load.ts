import { createRequire } from 'node:module';
import path from 'node:path';
import { NianbaoError } from '../errors';

/**
 * pdfjs-dist, loaded once per process and opened the way pitfalls.md says: the legacy build for Node,
 * no eval (CVE-2024-4367), the package's own CMaps (Chinese CID fonts) and standard fonts, no system fonts.
 * pdfjs-dist 5 is ESM only: Node ≥ 20.19 requires it natively (a real `require`, so jest's module registry is
 * bypassed as well); older Node imports it, through a Function so TypeScript does not turn import() into require().
 */

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

const SPEC = 'pdfjs-dist/legacy/build/pdf.mjs';
let loading: Promise<Pdfjs> | undefined;

export function pdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const req = createRequire(__filename);
    try {
      return req(SPEC) as Pdfjs;
    } catch {
      const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<Pdfjs>;
      return dynamicImport(req.resolve(SPEC));
    }
  })();
  return loading;
}

function assetDir(sub: string): string {
  const root = path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
  // pdfjs reads these with fs in Node; the trailing separator is what it expects of a directory.
  return path.join(root, sub) + path.sep;
}

/** Opens a PDF; a password, a broken file or no PDF at all become the matching NianbaoError. */
export async function openPdf(buf: Uint8Array, file: string): Promise<PdfDocument> {
  const lib = await pdfjs();
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(buf);
  try {
    return await lib.getDocument({
      data,
      isEvalSupported: false,
      cMapUrl: assetDir('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: assetDir('standard_fonts'),
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException') throw new NianbaoError('ENCRYPTED', file, 'the PDF is locked with a password');
    throw new NianbaoError('UNREADABLE', file, `not a readable PDF (${err.message ?? String(e)})`);
  }
}
