import { Module } from '@nestjs/common';
import { ExtractsModule } from '../extracts/extracts.module';
import { RenderingModule } from '../rendering/rendering.module';
import { AnnexesService } from './annexes.service';
import { IssuingController } from './issuing.controller';
import { IssuingService } from './issuing.service';
import { RectificationsService } from './rectifications.service';
import { SealedChainService } from './sealed-chain.service';
import { PasswordConfirmation, SignatureConfirmation } from './signature-confirmation';
import { SigningIdentities } from './signing/signing-identities';
import { VerificationPages } from './verification-pages.service';
import { VerificationController } from './verification.controller';
import { VerificationService } from './verification.service';

/** Annexes, signatures, issuing, the sealed chain and its verification (issue 9). */
@Module({
  imports: [ExtractsModule, RenderingModule],
  controllers: [IssuingController, VerificationController],
  providers: [
    IssuingService, AnnexesService, VerificationService, VerificationPages, SigningIdentities, RectificationsService, SealedChainService,
    { provide: SignatureConfirmation, useClass: PasswordConfirmation },
  ],
  exports: [IssuingService, VerificationService, SealedChainService, SigningIdentities],
})
export class IssuingModule {}
