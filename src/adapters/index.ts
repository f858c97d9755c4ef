import { DocModel, Format } from '../model';

/**
 * One adapter per input format, each giving the same intermediate model. Every reader loads on first use: a cold
 * `nianbao parse` of a PDF must not pay for cheerio, nor one of an HTML page for pdfjs.
 */
export type Adapter = (buf: Uint8Array, file: string) => DocModel | Promise<DocModel>;

/* eslint-disable @typescript-eslint/no-require-imports */
export const adapters: Record<Format, Adapter> = {
  text: (buf) => (require('./text') as typeof import('./text')).readText(buf),
  html: (buf) => (require('./html') as typeof import('./html')).readHtml(buf),
  docx: (buf, file) => (require('./docx') as typeof import('./docx')).readDocx(buf, file),
  doc: (buf, file) => (require('./doc') as typeof import('./doc')).readDoc(buf, file),
  pdf: (buf, file) => (require('./pdf') as typeof import('./pdf')).readPdf(buf, file),
};
/* eslint-enable @typescript-eslint/no-require-imports */
