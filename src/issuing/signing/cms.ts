// The CMS SignedData (RFC 5652) of a PAdES baseline B-B signature (ETSI EN 319 142-1): detached, SHA-256, signed
// attributes content-type, message-digest and ESS signing-certificate-v2 (RFC 5035), which binds the signature to
// the signer's certificate (a substituted certificate no longer verifies). Written as DER here, with Node's hashing
// and RSA: node-forge's PKCS#7 writer cannot add that attribute, and it hashes the document in JavaScript.
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
const set = (...parts: Buffer[]) => tlv(0x31, ...parts);
const octets = (b: Buffer) => tlv(0x04, b);
const integer = (n: number) => tlv(0x02, Buffer.from([n]));
const NULL = Buffer.from([0x05, 0x00]);

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const groups: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) groups.unshift((v & 0x7f) | 0x80);
    out.push(...groups);
  }
  return tlv(0x06, Buffer.from(out));
}

/** One DER element of `der` at `at`: where its content starts and where it ends. */
function element(der: Buffer, at: number): { start: number; end: number } {
  const first = der[at + 1];
  const lengthBytes = first & 0x80 ? first & 0x7f : 0;
  let len = lengthBytes ? 0 : first;
  for (let i = 0; i < lengthBytes; i++) len = len * 256 + der[at + 2 + i];
  const start = at + 2 + lengthBytes;
  return { start, end: start + len };
}

/** A certificate's issuer Name and serialNumber, as DER, read from its TBSCertificate. */
function issuerAndSerial(certDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const tbs = element(certDer, element(certDer, 0).start);
  let at = tbs.start;
  if (certDer[at] === 0xa0) at = element(certDer, at).end; // [0] version
  const serialEnd = element(certDer, at).end;
  const serial = certDer.subarray(at, serialEnd);
  const issuerAt = element(certDer, serialEnd).end; // skip the signature AlgorithmIdentifier
  return { serial, issuer: certDer.subarray(issuerAt, element(certDer, issuerAt).end) };
}

/** What every signature of one identity shares, computed once: the certificates, its ids, its key. */
export interface CmsSigner {
  certificates: Buffer[];
  signerId: Buffer;
  signingCertificateV2: Buffer;
  key: KeyObject;
}

/** `chainDer`: the signer's certificate first, then its issuers. */
export function cmsSigner(chainDer: Buffer[], privateKeyPem: string): CmsSigner {
  const { issuer, serial } = issuerAndSerial(chainDer[0]);
  const certHash = createHash('sha256').update(chainDer[0]).digest();
  // ESSCertIDv2 with SHA-256 (the default, so omitted) and the issuer and serial (directoryName is [4], explicit).
  const essCertId = seq(octets(certHash), seq(seq(tlv(0xa4, issuer)), serial));
  return {
    certificates: chainDer,
    signerId: seq(issuer, serial),
    signingCertificateV2: seq(oid(OID.signingCertificateV2), set(seq(seq(essCertId)))),
    key: createPrivateKey(privateKeyPem),
  };
}

/** A detached CMS signature of `content` (the PDF's byte ranges). */
export function signCms(content: Buffer, signer: CmsSigner): Buffer {
  const sha256 = seq(oid(OID.sha256), NULL);
  const digest = createHash('sha256').update(content).digest();
  // DER orders a SET OF by its members' encodings. The claimed signing time is the PDF dictionary's /M (PAdES).
  const attributes = [
    seq(oid(OID.contentType), set(oid(OID.data))),
    seq(oid(OID.messageDigest), set(octets(digest))),
    signer.signingCertificateV2,
  ].sort(Buffer.compare);
  const signature = sign('sha256', set(...attributes), signer.key);
  const signerInfo = seq(integer(1), signer.signerId, sha256, tlv(0xa0, ...attributes), seq(oid(OID.rsaEncryption), NULL), octets(signature));
  const signedData = seq(integer(1), set(sha256), seq(oid(OID.data)), tlv(0xa0, ...signer.certificates), set(signerInfo));
  return seq(oid(OID.signedData), tlv(0xa0, signedData));
}
