import { createHash, createPublicKey, verify } from 'node:crypto';
import forge from 'node-forge';
import { generateDevelopmentCertificate, loadIdentity } from './certificates';
import { cmsSigner, signCms } from './cms';

const der = (c: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');
const bytes = (a: forge.asn1.Asn1) => Buffer.from(a.value as string, 'binary');
const oidOf = (a: forge.asn1.Asn1) => forge.asn1.derToOid(a.value as string);

describe('the CMS of a PAdES B-B signature', () => {
  const dev = generateDevelopmentCertificate('Signataire de test');
  const identity = loadIdentity(dev.p12, dev.passphrase);
  const chain = identity.chain.map(der);
  const content = Buffer.from('%PDF-1.7 the byte ranges of a document');
  const cms = forge.asn1.fromDer(forge.util.createBuffer(signCms(content, cmsSigner(chain, identity.privateKeyPem)).toString('binary')));
  const signedData = (cms.value as forge.asn1.Asn1[])[1].value[0] as forge.asn1.Asn1;
  const parts = signedData.value as forge.asn1.Asn1[];
  const signerInfo = (parts[parts.length - 1].value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
  const attributes = signerInfo[3].value as forge.asn1.Asn1[];
  const attribute = (oid: string) => attributes.find((a) => oidOf((a.value as forge.asn1.Asn1[])[0]) === oid)!.value[1] as forge.asn1.Asn1;

  it('is detached SignedData carrying the chain, the signer first', () => {
    expect(oidOf((cms.value as forge.asn1.Asn1[])[0])).toBe('1.2.840.113549.1.7.2');
    expect(((parts[2].value as forge.asn1.Asn1[]).length)).toBe(1); // encapContentInfo without the content
    expect((parts[3].value as forge.asn1.Asn1[]).map((c) => Buffer.from(forge.asn1.toDer(c).getBytes(), 'binary'))).toEqual(chain);
  });

  it('signs the content-type, the SHA-256 of the content and the ESS signing-certificate-v2 of the signer (RFC 5035)', () => {
    expect(bytes((attribute('1.2.840.113549.1.9.4').value as forge.asn1.Asn1[])[0])).toEqual(createHash('sha256').update(content).digest());
    // SigningCertificateV2 → certs → ESSCertIDv2 → certHash (SHA-256, the default algorithm, omitted) and issuerSerial.
    const essCertId = (((attribute('1.2.840.113549.1.9.16.2.47').value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
    expect(bytes(essCertId[0])).toEqual(createHash('sha256').update(chain[0]).digest());
    const serial = (essCertId[1].value as forge.asn1.Asn1[])[1];
    expect(Buffer.from(serial.value as string, 'binary').toString('hex')).toBe(identity.certificate.serialNumber);
  });

  it('the signature verifies over the DER SET of the signed attributes, in DER order, with the certificate\'s key', () => {
    const encoded = attributes.map((a) => Buffer.from(forge.asn1.toDer(a).getBytes(), 'binary'));
    expect(encoded).toEqual([...encoded].sort(Buffer.compare));
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes);
    const signed = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
    const publicKey = createPublicKey(forge.pki.publicKeyToPem(identity.certificate.publicKey));
    expect(verify('sha256', signed, publicKey, bytes(signerInfo[5]))).toBe(true);
    expect(verify('sha256', Buffer.concat([signed, Buffer.from([0])]), publicKey, bytes(signerInfo[5]))).toBe(false);
  });
});
