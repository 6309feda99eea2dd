// PAdES signatures (ETSI.CAdES.detached) with @signpdf: a placeholder added as an incremental update
// (so a second signature leaves the first one's bytes, and so its validity, intact), then the CMS.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { SigningIdentity } from './certificates';
import { cmsSigner, signCms } from './cms';

/** A CMS signer over a parsed identity (src/issuing/signing/cms.ts), its DER parts and key prepared once. */
class IdentitySigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    this.identity.cms ??= cmsSigner(this.identity.chain.map(certificateDer), this.identity.privateKeyPem);
    return signCms(content, this.identity.cms);
  }
}

const certificateDer = (c: forge.pki.Certificate): Buffer => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');

export interface SignatureInfo {
  /** Who signs, as the signature panel shows it. */
  name: string;
  /** Why: "Signature du président de séance", or the seal's list of the signers and times. */
  reason: string;
  location: string;
  contactInfo?: string;
  signingTime: Date;
}

/** Room for the CMS (bytes; written in hex, twice that): the certificates it carries, the signature and its attributes (with the signer's ids). */
function signatureLength(identity: SigningIdentity): number {
  const chain = identity.chain.reduce((n, c) => n + certificateDer(c).length, 0);
  return chain + 1536;
}

/** Adds one signature over the whole document as it stands (earlier signatures included). */
export async function addPadesSignature(pdf: Buffer, identity: SigningIdentity, info: SignatureInfo): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf, reason: info.reason, name: info.name, location: info.location, contactInfo: info.contactInfo ?? '',
    signingTime: info.signingTime, signatureLength: identity.signatureLength ??= signatureLength(identity), subFilter: SUBFILTER_ETSI_CADES_DETACHED, appName: 'Registre',
  });
  return new SignPdf().sign(withPlaceholder, new IdentitySigner(identity));
}

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
