import fs from 'node:fs';
import { NianbaoError } from '../errors';

/**
 * One harvest per database at a time: cron starts the next run whether or not the last one has finished.
 * The lock is a file beside the database holding the owner's pid; a lock whose process is gone is taken over.
 */
export function acquireLock(db: string): () => void {
  const file = `${db}.lock`;
  for (let tries = 0; tries < 2; tries++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new NianbaoError('IO', file, `cannot create the lock file: ${(e as Error).message}`);
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new NianbaoError('IO', db, `another harvest (pid ${pid}) is using this database; if it is gone, remove ${file}`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new NianbaoError('IO', file, 'cannot take the lock file');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
