import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotStore } from './snapshot-store';

/** Snapshot names are made by the publisher: letters, digits, dots and dashes only. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9.-]{0,200}$/;

/** Local mode: one file per snapshot, written under a temporary name and renamed, so no reader sees half of one. */
export class LocalSnapshotStore implements SnapshotStore {
  constructor(private readonly dir: string) {}

  get location(): string {
    return this.dir;
  }

  private path(name: string): string {
    if (!NAME.test(name)) throw new Error(`bad snapshot name ${name}`);
    return join(this.dir, name);
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const part = `${this.path(name)}.${randomUUID()}.part`;
    await writeFile(part, bytes);
    await rename(part, this.path(name));
  }

  async read(name: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.path(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
