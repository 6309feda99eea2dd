import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { isDomainError } from '../domain/errors';
import { notFoundPage, verificationPage } from './verification-page';
import { VerificationService } from './verification.service';

/** The public verification page at the URL printed (and QR-coded) on every issued act. */
@Injectable()
export class VerificationPages {
  constructor(private readonly verification: VerificationService) {}

  async page(code: string, copy: { pdf?: Buffer; sha256?: string } | null, res: Pick<Response, 'status'>): Promise<string> {
    try {
      const act = await this.verification.publicAct(code);
      if (!copy || (!copy.pdf?.length && !copy.sha256?.trim())) {
        return verificationPage(act, null, copy ? 'Choisissez le fichier PDF à vérifier ou saisissez son empreinte SHA-256.' : null);
      }
      const { conforme, sha256 } = await this.verification.check(code, copy);
      return verificationPage(act, { conforme, sha256 });
    } catch (e) {
      if (isDomainError(e, 'NOT_FOUND')) {
        res.status(404);
        return notFoundPage(code);
      }
      throw e;
    }
  }
}
