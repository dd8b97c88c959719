// The definition a dry run was asked about cannot be found: no such file, no
// such id in the folder, or the folder cannot be read. A command line reports
// it as bad usage (exit 2): nothing was tried.
export class DefinitionTargetError extends Error {
  override readonly name = 'DefinitionTargetError';
}
