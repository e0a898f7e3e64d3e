/** A rules folder that cannot be used; names the file and the offending key. */
export class RulesError extends Error {
  constructor(
    readonly file: string,
    readonly key: string | null,
    detail: string,
  ) {
    super(`Cannot read rules file \`${file}\`${key ? `: key \`${key}\`` : ''}: ${detail}`);
    this.name = 'RulesError';
  }
}
