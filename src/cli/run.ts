import { Readable, Writable } from 'node:stream';
import { NianbaoError } from '../errors';
import { parseBuffer, parseFile } from '../pipeline';
import { jsonSchema } from '../schema';

/**
 * The command line, thin over the library: it parses arguments and calls what a library user calls.
 * Returns the exit code; never exits itself.
 */

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
}

const USAGE = `usage: nianbao parse FILE|-     one report (PDF, DOCX, DOC, HTML, text) to contract JSON on stdout
       nianbao schema            the output contract as JSON Schema`;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(text)) resolve();
    else out.once('drain', resolve);
  });
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'parse': {
        const pretty = rest.includes('--pretty');
        const files = rest.filter((a) => a !== '--pretty');
        if (files.length !== 1) throw new NianbaoError('USAGE', 'nianbao', `parse takes one FILE or -\n${USAGE}`);
        const file = files[0]!;
        const record = file === '-' ? await parseBuffer(await readAll(io.stdin), { path: '-' }) : await parseFile(file);
        await write(io.stdout, `${JSON.stringify(record, null, pretty ? 2 : undefined)}\n`);
        return 0;
      }
      case 'schema':
        await write(io.stdout, `${JSON.stringify(jsonSchema(), null, 2)}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        await write(io.stdout, `${USAGE}\n`);
        return 0;
      case '--version':
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        await write(io.stdout, `${(require('../../package.json') as { version: string }).version}\n`);
        return 0;
      default:
        throw new NianbaoError('USAGE', 'nianbao', command ? `unknown command "${command}"\n${USAGE}` : USAGE);
    }
  } catch (e) {
    if (e instanceof NianbaoError) {
      await write(io.stderr, `${e.code === 'USAGE' ? `nianbao: ${e.message}` : e.toLine()}\n`);
      return e.code === 'USAGE' ? 64 : 1;
    }
    throw e;
  }
}
