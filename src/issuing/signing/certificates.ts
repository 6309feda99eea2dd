// Certificates for signing issued acts: a development CA and leaf made at first start (labelled as such),
// or the PKCS#12 files the configuration names (a signer's own, or the collectivity's seal).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { CmsSigner } from './cms';

/** A parsed PKCS#12: what signing needs, parsed once (parsing a p12 costs more than signing with it). */
export interface SigningIdentity {
  /** What the signature and the verification page say of it ("Registre — certificat de DÉVELOPPEMENT"...). */
  label: string;
  certificate: forge.pki.Certificate;
  /** The chain sent with the signature (the leaf first, then its issuers). */
  chain: forge.pki.Certificate[];
  privateKeyPem: string;
  development: boolean;
  /** Room the signature needs in the PDF, computed once. */
  signatureLength?: number;
  /** Its certificates as DER, its ids and its key, prepared at the first signature. */
  cms?: CmsSigner;
}

export interface DevelopmentCertificate {
  caPem: string;
  p12: Buffer;
  passphrase: string;
}

const DEV_LABEL = 'Registre — certificat de DÉVELOPPEMENT (sans valeur légale)';

function keyPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  // Node's native generator: forge's pure-JS RSA key generation takes seconds.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const priv = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: priv, publicKey: forge.pki.setRsaPublicKey(priv.n, priv.e) };
}

function certificate(subject: forge.pki.CertificateField[], issuer: forge.pki.CertificateField[], publicKey: forge.pki.rsa.PublicKey,
  signer: forge.pki.rsa.PrivateKey, extensions: object[], years: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.UTC(2000, 0, 1));
  cert.validity.notAfter = new Date(Date.UTC(new Date().getUTCFullYear() + years, 0, 1));
  // forge writes UTF8String values as given: they must already be UTF-8 bytes.
  const utf8 = (fields: forge.pki.CertificateField[]) => fields.map((f) => ({ ...f, value: forge.util.encodeUtf8(String(f.value)) }));
  cert.setSubject(utf8(subject));
  cert.setIssuer(utf8(issuer));
  cert.setExtensions(extensions);
  cert.sign(signer, forge.md.sha256.create());
  return cert;
}

/**
 * A development CA and a leaf signed by it, as a PKCS#12 with the chain. The acts issued with it are
 * valid PAdES signatures that nothing trusts unless its CA is added by hand: a test or a demo, not an act.
 */
export function generateDevelopmentCertificate(commonName = DEV_LABEL, passphrase = randomBytes(18).toString('base64url')): DevelopmentCertificate {
  const ca = keyPair();
  const caName = [{ name: 'commonName', value: 'Registre AC de développement' }, { name: 'organizationName', value: 'Registre (développement)' }];
  const caCert = certificate(caName, caName, ca.publicKey, ca.privateKey, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ], 30);
  const leaf = keyPair();
  const leafCert = certificate([{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Registre (développement)' }],
    caName, leaf.publicKey, ca.privateKey, [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'extKeyUsage', emailProtection: true },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
    ], 30);
  const p12 = forge.pkcs12.toPkcs12Asn1(leaf.privateKey, [leafCert, caCert], passphrase, { algorithm: 'aes256' });
  return { caPem: forge.pki.certificateToPem(caCert), p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), passphrase };
}

/** Reads a PKCS#12 (a signer's own or the seal's): the certificate matching the key, and the chain. */
export function loadIdentity(p12: Buffer, passphrase: string, label?: string, development = false): SigningIdentity {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((b) => b.cert!).filter(Boolean);
  const keyBag = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]
    ?? parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('The PKCS#12 holds no private key');
  const leaf = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!leaf) throw new Error('The PKCS#12 holds no certificate for its private key');
  const cnField = leaf.subject.getField('CN')?.value as string | undefined;
  const cn = cnField === undefined ? undefined : forge.util.decodeUtf8(cnField);
  return {
    label: label ?? cn ?? 'certificat', certificate: leaf, chain: [leaf, ...certs.filter((c) => c !== leaf)],
    privateKeyPem: forge.pki.privateKeyToPem(key), development,
  };
}

export const DEVELOPMENT_LABEL = DEV_LABEL;
