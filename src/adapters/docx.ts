import { DocModel } from '../model';
import { NianbaoError } from '../errors';

/** Placeholder until the docx reader lands (issue 3). */
export async function readDocx(_buf: Uint8Array, file: string): Promise<DocModel> {
  throw new NianbaoError('UNREADABLE', file, 'docx files are not supported yet');
}
