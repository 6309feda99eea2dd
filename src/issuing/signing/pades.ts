// PAdES signatures (ETSI.CAdES.detached) with @signpdf: a placeholder added as an incremental update
// (so a second signature leaves the first one's bytes, and so its validity, intact), then the CMS.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { createHash, privateEncrypt, constants } from 'node:crypto';
import forge from 'node-forge';
import type { SigningIdentity } from './certificates';

// DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2): PKCS#1 v1.5 signs DigestInfo(sha256, digest).
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** A CMS signer over a parsed identity; the RSA operation is Node's (forge's pure-JS RSA is ten times slower). */
class IdentitySigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content.toString('binary'));
    for (const cert of this.identity.chain) p7.addCertificate(cert);
    const pem = this.identity.privateKeyPem;
    const nativeKey = {
      sign: (md: forge.md.MessageDigest) => {
        const digest = Buffer.from(md.digest().getBytes(), 'binary');
        return privateEncrypt({ key: pem, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest])).toString('binary');
      },
    };
    // PAdES baseline: the claimed signing time is the dictionary's /M, not a signing-time attribute.
    p7.addSigner({
      key: nativeKey as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.identity.certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

export interface SignatureInfo {
  /** Who signs, as the signature panel shows it. */
  name: string;
  /** Why: "Signature du président de séance", or the seal's list of the signers and times. */
  reason: string;
  location: string;
  contactInfo?: string;
  signingTime: Date;
}

/** Room for the CMS (bytes; written in hex, twice that): the certificates it carries, the signature and its attributes. */
function signatureLength(identity: SigningIdentity): number {
  const chain = identity.chain.reduce((n, c) => n + forge.asn1.toDer(forge.pki.certificateToAsn1(c)).length(), 0);
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
