import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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

/**
 * Built-ins the legacy build's core-js replaces on Node 20 with JavaScript versions, for edge cases nothing here
 * meets (an array length past 2^32, JSON.rawJSON and JSON.parse's source text, DOMException's stack): every push
 * and every JSON call of the whole process would then run that JavaScript, a quarter of a PDF's parse time.
 */
const REPLACED: readonly (readonly [object, PropertyKey])[] = [
  [Array.prototype, 'push'], [JSON, 'parse'], [JSON, 'stringify'], [globalThis, 'DOMException'],
];

/**
 * The worker module: pdfjs-dist's legacy worker as `npm run build` writes it for reading text
 * (scripts/pdfjs-text-worker.js: a font with a ToUnicode map is not converted for drawing, text states are copied
 * flat, Flate streams are inflated by zlib), beside this file in dist/, or in dist/ when this module runs from src/
 * (ts-jest).
 */
export function textWorkerPath(): string {
  const name = 'pdf.worker.text.mjs';
  const beside = path.join(__dirname, name);
  return fs.existsSync(beside) ? beside : path.join(__dirname, '..', '..', 'dist', 'pdf', name);
}

/**
 * Loads pdfjs-dist and its worker module (in Node the worker runs in this thread; loaded here, not on the first
 * document, so its polyfills come in now) and puts back the natives core-js replaced. What core-js added that
 * Node 20 lacks (Promise.withResolvers, Uint8Array.fromBase64 …) stays: pdfjs uses it.
 */
async function load(): Promise<Pdfjs> {
  const req = createRequire(__filename);
  const natives = REPLACED.map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)] as const);
  // A source of its own each time: V8 keeps compiled Function bodies by their source, and under Jest (a copy of this
  // module per test file) one compiled for an earlier file seems to import through that file's module loader, torn
  // down by then: every PDF of a later file failed to open, depending on which files shared a Jest worker.
  const dynamicImport = new Function('s', `return import(s); // ${Math.random()}`) as (s: string) => Promise<unknown>;
  const get = async (spec: string) => {
    try {
      return req(spec) as unknown;
    } catch {
      return dynamicImport(pathToFileURL(req.resolve(spec)).href);
    }
  };
  const lib = (await get(SPEC)) as Pdfjs;
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await get(textWorkerPath());
  for (const [o, k, d] of natives) if (d) Object.defineProperty(o, k, d);
  return lib;
}

export function pdfjs(): Promise<Pdfjs> {
  loading ??= load();
  return loading;
}

function assetDir(sub: string): string {
  const root = path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
  // pdfjs reads these with fs in Node; the trailing separator is what it expects of a directory.
  return path.join(root, sub) + path.sep;
}

/** getDocument's options, the data aside (scripts/bench.js opens its bare pdfjs-dist with the same). */
export function documentOptions() {
  return {
    isEvalSupported: false,
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts'),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  };
}

/** Opens a PDF; a password, a broken file or no PDF at all become the matching NianbaoError. */
export async function openPdf(buf: Uint8Array, file: string): Promise<PdfDocument> {
  const lib = await pdfjs();
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(buf);
  try {
    return await lib.getDocument({ data, ...documentOptions() }).promise;
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException') throw new NianbaoError('ENCRYPTED', file, 'the PDF is locked with a password');
    throw new NianbaoError('UNREADABLE', file, `not a readable PDF (${err.message ?? String(e)})`);
  }
}
