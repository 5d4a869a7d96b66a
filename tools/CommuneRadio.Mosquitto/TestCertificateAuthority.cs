using System;
using System.IO;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CommuneRadio.Mosquitto
{
    /// <summary>
    /// A throw-away certificate authority for tests and the development broker: ECDSA P-256 keys, one-day
    /// validity unless told otherwise, made in memory with <see cref="CertificateRequest"/>, or loaded back from
    /// the PEM files it exported. Creates server certificates (names go in the SAN as IP or DNS entries) and
    /// client certificates. Never use it for a real deployment.
    /// </summary>
    public sealed class TestCertificateAuthority : IDisposable
    {
        private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
        private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

        private TestCertificateAuthority(X509Certificate2 certificate)
        {
            Certificate = certificate;
        }

        /// <summary>The CA certificate, with its private key; pass it as the trusted CA.</summary>
        public X509Certificate2 Certificate { get; }

        /// <summary>Creates a new self-signed CA, valid from 5 minutes ago for <paramref name="validity"/> (default one day).</summary>
        public static TestCertificateAuthority Create(string commonName = "CommuneRadio Test CA", TimeSpan? validity = null)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            DateTimeOffset now = DateTimeOffset.UtcNow;
            return new TestCertificateAuthority(request.CreateSelfSigned(now.AddMinutes(-5), now.Add(validity ?? TimeSpan.FromDays(1))));
        }

        /// <summary>
        /// A CA saved earlier with <see cref="ExportCertificatePem"/> and <see cref="ExportPrivateKeyPem"/>. Throws
        /// <see cref="CryptographicException"/> when the files do not hold a CA certificate and its key.
        /// </summary>
        public static TestCertificateAuthority Load(string certificatePem, string privateKeyPem)
        {
            X509Certificate2 certificate = X509Certificate2.CreateFromPem(certificatePem, privateKeyPem);
            bool isCa = false;
            foreach (X509Extension extension in certificate.Extensions)
            {
                isCa |= extension is X509BasicConstraintsExtension { CertificateAuthority: true };
            }

            if (!isCa)
            {
                certificate.Dispose();
                throw new CryptographicException("The certificate is not a certificate authority.");
            }

            return new TestCertificateAuthority(certificate);
        }

        /// <summary>
        /// Creates a server certificate (with private key) for the given names; each is added to the
        /// SAN as an IP address when it parses as one, else as a DNS name. The first is also the CN.
        /// </summary>
        public X509Certificate2 CreateServerCertificate(params string[] hostNames)
        {
            ArgumentNullException.ThrowIfNull(hostNames);
            if (hostNames.Length == 0)
            {
                throw new ArgumentException("At least one host name is needed.", nameof(hostNames));
            }

            var san = new SubjectAlternativeNameBuilder();
            foreach (string name in hostNames)
            {
                if (IPAddress.TryParse(name, out IPAddress? address))
                {
                    san.AddIpAddress(address);
                }
                else
                {
                    san.AddDnsName(name);
                }
            }

            return Issue($"CN={hostNames[0]}", ServerAuthOid, san.Build());
        }

        /// <summary>Creates a client certificate (with private key) for mutual TLS.</summary>
        public X509Certificate2 CreateClientCertificate(string commonName)
        {
            return Issue($"CN={commonName}", ClientAuthOid, null);
        }

        /// <summary>Releases the CA certificate.</summary>
        public void Dispose() => Certificate.Dispose();

        private X509Certificate2 Issue(string subject, string usageOid, X509Extension? subjectAlternativeName)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(usageOid) }, false));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
            if (subjectAlternativeName is not null)
            {
                request.CertificateExtensions.Add(subjectAlternativeName);
            }

            byte[] serial = new byte[16];
            RandomNumberGenerator.Fill(serial);

            // DER integers must be positive and minimally encoded: first byte in 0x40..0x7F.
            serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
            DateTimeOffset now = DateTimeOffset.UtcNow;
            // Never outlive the CA (validity is whole seconds, so "now + 1 day" can pass it).
            var notAfter = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime());
            using X509Certificate2 issued = request.Create(Certificate, now.AddMinutes(-5), notAfter, serial);
            return issued.CopyWithPrivateKey(key);
        }

        /// <summary>PEM of a certificate's public part.</summary>
        public static string ExportCertificatePem(X509Certificate2 certificate)
        {
            ArgumentNullException.ThrowIfNull(certificate);
            return certificate.ExportCertificatePem();
        }

        /// <summary>PKCS#8 PEM of a certificate's ECDSA private key.</summary>
        public static string ExportPrivateKeyPem(X509Certificate2 certificate)
        {
            ArgumentNullException.ThrowIfNull(certificate);
            using ECDsa key = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("The certificate has no ECDSA private key.", nameof(certificate));
            return key.ExportPkcs8PrivateKeyPem();
        }

        /// <summary>
        /// Writes a private key (or any secret) readable by the owner only: the file is created with mode 0600, never
        /// briefly world-readable, and an existing file is set to 0600 before it is overwritten.
        /// </summary>
        public static void WritePrivateFile(string path, string content)
        {
            if (!OperatingSystem.IsWindows() && File.Exists(path))
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(content);
        }

        /// <summary>The names used by <see cref="MosquittoBroker"/> for its server certificate.</summary>
        public static IReadOnlyList<string> LoopbackNames { get; } = new[] { "127.0.0.1", "localhost" };
    }
}
