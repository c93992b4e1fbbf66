/**
 * A secret (password, PIN) handed to code that runs later, without being reachable as data: react-query
 * keeps mutation variables in its cache, and a sealed secret there shows only a function, whose closure
 * forgets the value once it is opened.
 */
export interface SealedSecret {
  /** Returns the secret the first time, `undefined` afterwards. */
  open(): string | undefined;
  /** Never the secret, so logging or serializing a sealed secret reveals nothing. */
  toJSON(): string;
}

/**
 * Seals `value` for one use.
 *
 * @example
 * const sealed = sealSecret(password);
 * await client.programs.authorize(id, sealed.open() ?? '');
 */
export function sealSecret(value: string | undefined): SealedSecret {
  let secret = value;
  return {
    open() {
      const opened = secret;
      secret = undefined;
      return opened;
    },
    toJSON: () => '[sealed]',
  };
}
