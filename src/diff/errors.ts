/** The one error a dataset side can raise: it cannot be read, with the reason and the side as the user named it. */
export class DatasetError extends Error {
  /** `Cannot read dataset \`<spec>\`: <reason>`. */
  constructor(spec: string, reason: string) {
    super(`Cannot read dataset \`${spec}\`: ${reason}`);
  }
}
