import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

export type DataDirLock = { release(): void };

/**
 * Takes the embedded database folder for this process. PGlite must never be opened by two
 * processes at once, so a second one gets a clear error instead of a corrupted database.
 * A lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'standort.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && isRunning(owner)) {
        throw new AppError(
          'database_locked',
          `Die eingebettete Datenbank in ${dataDir} wird bereits von Prozess ${owner} verwendet. ` +
            'Beenden Sie diesen Prozess (z. B. den laufenden Server) oder verwenden Sie DATABASE_URL.',
          { dataDir, pid: owner },
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('database_locked', `Die Sperrdatei ${file} konnte nicht angelegt werden.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
