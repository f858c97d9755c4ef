import { DocModel } from '../model';
import { NianbaoError } from '../errors';

/** Placeholder until the pdf reader lands (issue 3). */
export async function readPdf(_buf: Uint8Array, file: string): Promise<DocModel> {
  throw new NianbaoError('UNREADABLE', file, 'pdf files are not supported yet');
}
