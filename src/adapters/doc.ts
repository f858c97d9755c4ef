import { DocModel } from '../model';
import { NianbaoError } from '../errors';

/** Placeholder until the doc reader lands (issue 3). */
export async function readDoc(_buf: Uint8Array, file: string): Promise<DocModel> {
  throw new NianbaoError('UNREADABLE', file, 'doc files are not supported yet');
}
