import { Injectable, Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnitOfWork } from '../../database/unit-of-work';
import { loadConfig } from '../../config/app-config';
import { SigningCertificate } from '../issuing.entities';
import { DEVELOPMENT_LABEL, generateDevelopmentCertificate, loadIdentity, type SigningIdentity } from './certificates';

/**
 * Which certificate signs an act: each signer's own PKCS#12 when all of them have one; else the
 * collectivity's seal; else the development certificate, generated once and stored, labelled as such.
 */
@Injectable()
export class SigningIdentities {
  private readonly log = new Logger('Signing');
  private readonly config = loadConfig();
  private readonly cache = new Map<string, SigningIdentity | null>();
  private development: Promise<SigningIdentity> | null = null;

  constructor(private readonly uow: UnitOfWork) {}

  /** The signer's own certificate, if the configuration holds one. */
  signer(memberId: string): SigningIdentity | null {
    const dir = this.config.SIGNERS_P12_DIR;
    if (!dir) return null;
    return this.cached(`signer:${memberId}`, () => {
      const file = join(dir, `${memberId}.p12`);
      return existsSync(file) ? loadIdentity(readFileSync(file), this.config.SIGNERS_P12_PASSPHRASE ?? '') : null;
    });
  }

  seal(): SigningIdentity | null {
    const path = this.config.SEAL_P12_PATH;
    if (!path) return null;
    return this.cached('seal', () => loadIdentity(readFileSync(path), this.config.SEAL_P12_PASSPHRASE ?? ''));
  }

  /** The development certificate: made at first use and stored, so every process signs with the same one. */
  developmentIdentity(): Promise<SigningIdentity> {
    this.development ??= this.loadDevelopment().catch((e) => {
      this.development = null;
      throw e;
    });
    return this.development;
  }

  /** Its CA, to trust in a test (pdfsig -nssdir) or a demo viewer. */
  async developmentCaPem(): Promise<string> {
    await this.developmentIdentity();
    const row = await this.uow.run(null, (em) => em.getRepository(SigningCertificate).findOneByOrFail({ name: 'development' }));
    return row.caPem;
  }

  private async loadDevelopment(): Promise<SigningIdentity> {
    const read = () => this.uow.run(null, (em) => em.getRepository(SigningCertificate).findOneBy({ name: 'development' }));
    let row = await read();
    if (!row) {
      const made = generateDevelopmentCertificate();
      // Two processes starting at once: the first insert wins, both then read the same row.
      await this.uow.run(null, (em) => em.getRepository(SigningCertificate).createQueryBuilder().insert()
        .values({ name: 'development', caPem: made.caPem, p12: made.p12, passphrase: made.passphrase }).orIgnore().execute());
      row = (await read())!;
      this.log.warn('No signing certificate configured: a DEVELOPMENT certificate was generated (set SEAL_P12_PATH for real acts)');
    }
    return loadIdentity(row.p12, row.passphrase, DEVELOPMENT_LABEL, true);
  }

  private cached(key: string, load: () => SigningIdentity | null): SigningIdentity | null {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key)!;
  }
}
