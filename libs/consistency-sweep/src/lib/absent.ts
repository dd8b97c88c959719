// "Not there" versus "cannot be read": only ENOENT and ENOTDIR mean a path is
// absent. Anything else (EACCES, ELOOP, EIO) is a real error and is reported
// with its own message, never as "does not exist".

export const isAbsent = (err: unknown): boolean =>
  (err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR';

/** The value, or null when the path is absent; other errors are thrown. */
export async function absentAsNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (isAbsent(err)) return null;
    throw err;
  }
}
