import { DocModel, Format } from '../model';
import { readHtml } from './html';
import { readText } from './text';

/** One adapter per input format, each giving the same intermediate model. Heavy readers load on first use. */
export type Adapter = (buf: Uint8Array, file: string) => DocModel | Promise<DocModel>;

export const adapters: Record<Format, Adapter> = {
  text: (buf) => readText(buf),
  html: (buf) => readHtml(buf),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  docx: (buf, file) => (require('./docx') as typeof import('./docx')).readDocx(buf, file),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  doc: (buf, file) => (require('./doc') as typeof import('./doc')).readDoc(buf, file),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pdf: (buf, file) => (require('./pdf') as typeof import('./pdf')).readPdf(buf, file),
};
