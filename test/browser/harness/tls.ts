import { createHash, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/** A throwaway certificate authority and one server certificate it signed, all PEM. */
export interface TestPki {
  caCertPem: string;
  certPem: string;
  keyPem: string;
  /** base64 SHA-256 of the server certificate's SubjectPublicKeyInfo (Chromium's SPKI pin format). */
  spki: string;
}

function serial(): string {
  return `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
}

function validity(cert: forge.pki.Certificate): void {
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600_000);
  cert.validity.notAfter = new Date(now + 7 * 24 * 3600_000);
}

/**
 * Makes a CA and a server certificate for `hosts` (DNS names or IPv4 addresses). Used for the
 * pages the tests serve over https; the emulator brings its own CA.
 */
export function createTestPki(hosts: string[] = ['localhost', '127.0.0.1']): TestPki {
  const caKeys = forge.pki.rsa.generateKeyPair(2048);
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serial();
  validity(ca);
  const caName = [{ name: 'commonName', value: 'react-recording-service browser-test CA' }];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  validity(cert);
  cert.setSubject([{ name: 'commonName', value: hosts[0] ?? 'localhost' }]);
  cert.setIssuer(caName);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hosts.map((h) => (/^\d+\.\d+\.\d+\.\d+$/.test(h) ? { type: 7, ip: h } : { type: 2, value: h })),
    },
  ]);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());

  const certPem = forge.pki.certificateToPem(cert);
  return {
    caCertPem: forge.pki.certificateToPem(ca),
    certPem,
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    spki: spkiHash(certPem),
  };
}

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo, as `--ignore-certificate-errors-spki-list` takes it. */
export function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}
