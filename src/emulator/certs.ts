import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

/** A local test CA and a server certificate it signed, for 127.0.0.1 and localhost. */
export interface EmulatorCertificates {
  caCertPem: string;
  /** Where the CA certificate lies (trust this file). */
  caCertPath: string;
  certPem: string;
  keyPem: string;
  /** base64 SHA-256 of the server key's SubjectPublicKeyInfo (Chromium's `--ignore-certificate-errors-spki-list`). */
  spkiSha256: string;
  dir: string;
}

/** Where certificates go unless told otherwise. */
export function defaultCertDir(): string {
  return join(homedir(), '.recording-service-emulator');
}

const FILES = { caCert: 'ca.pem', caKey: 'ca-key.pem', cert: 'server.pem', key: 'server-key.pem' } as const;

/** base64 SHA-256 of the SPKI of a PEM private or public key. */
export function spkiSha256(keyPem: string): string {
  const der = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

function rsaKeys(): { privateKeyPem: string; publicKeyPem: string } {
  // Native key generation: node-forge's pure-JS RSA takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function serialNumber(): string {
  // A positive 16-byte serial; its randomness only has to make reissued certificates distinct.
  return `01${createHash('sha256').update(String(process.hrtime.bigint())).digest('hex').slice(0, 30)}`;
}

function makeCertificates(dir: string): void {
  const now = new Date();
  const caKeys = rsaKeys();
  const ca = forge.pki.createCertificate();
  ca.publicKey = forge.pki.publicKeyFromPem(caKeys.publicKeyPem);
  ca.serialNumber = serialNumber();
  ca.validity.notBefore = new Date(now.getTime() - 86_400_000);
  ca.validity.notAfter = new Date(now.getTime() + 5 * 365 * 86_400_000);
  const caName = [{ name: 'commonName', value: 'Recording Service Emulator Test CA' }];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const caKey = forge.pki.privateKeyFromPem(caKeys.privateKeyPem);
  ca.sign(caKey, forge.md.sha256.create());

  const serverKeys = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(serverKeys.publicKeyPem);
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  cert.validity.notAfter = new Date(now.getTime() + 365 * 86_400_000);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caName);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, FILES.caCert), forge.pki.certificateToPem(ca));
  writeFileSync(join(dir, FILES.caKey), caKeys.privateKeyPem, { mode: 0o600 });
  writeFileSync(join(dir, FILES.cert), forge.pki.certificateToPem(cert));
  writeFileSync(join(dir, FILES.key), serverKeys.privateKeyPem, { mode: 0o600 });
}

function stillValid(dir: string): boolean {
  try {
    const cert = new X509Certificate(readFileSync(join(dir, FILES.cert)));
    const ca = new X509Certificate(readFileSync(join(dir, FILES.caCert)));
    const soon = Date.now() + 86_400_000;
    const key = createPrivateKey(readFileSync(join(dir, FILES.key)));
    return (
      Date.parse(cert.validTo) > soon &&
      Date.parse(ca.validTo) > soon &&
      cert.verify(ca.publicKey) &&
      cert.checkPrivateKey(key)
    );
  } catch {
    return false;
  }
}

/**
 * Returns the test CA and server certificate in `dir`, creating them on first use (or when
 * they are about to expire) and reusing them afterwards.
 */
export function ensureCertificates(dir: string = defaultCertDir()): EmulatorCertificates {
  withLock(dir, () => {
    const complete = Object.values(FILES).every((file) => existsSync(join(dir, file)));
    if (!complete || !stillValid(dir)) makeCertificates(dir);
  });
  const keyPem = readFileSync(join(dir, FILES.key), 'utf8');
  return {
    caCertPem: readFileSync(join(dir, FILES.caCert), 'utf8'),
    caCertPath: join(dir, FILES.caCert),
    certPem: readFileSync(join(dir, FILES.cert), 'utf8'),
    keyPem,
    spkiSha256: spkiSha256(keyPem),
    dir,
  };
}

/**
 * Runs `fn` holding a lock file in `dir`, so servers starting together (parallel test files) never
 * mix one's certificate with another's key. A lock older than 30 s is taken as abandoned.
 */
function withLock(dir: string, fn: () => void): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = join(dir, '.lock');
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) rmSync(lock, { force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
