import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP Password Storage Cheat Sheet (argon2id): 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashing as an injectable port, so services never touch the crypto library directly. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Burns the same time as a real check, so an unknown email is not revealed by timing. */
  async dummyVerify(password: string): Promise<void> {
    DUMMY_HASH ??= await this.hash('assay-dummy-password-for-timing');
    await this.verify(DUMMY_HASH, password);
  }
}

let DUMMY_HASH: string | undefined;
