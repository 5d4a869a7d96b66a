using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>
    /// Server certificate check. With a pinned CA the chain is rebuilt against that CA alone
    /// (CustomRootTrust), so a certificate from any other CA, even one the OS trusts, is refused.
    /// </summary>
    internal static class MqttServerCertificateValidator
    {
        public static bool Validate(MqttTlsOptions tls, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return false;
            }

            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 && !tls.AllowHostnameMismatch)
            {
                return false;
            }

            if (tls.CaCertificate is null)
            {
                return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
            }

            using var pinned = new X509Chain();
            pinned.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            pinned.ChainPolicy.CustomTrustStore.Add(tls.CaCertificate);
            pinned.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                // Intermediates the server sent may be needed to reach the pinned CA.
                foreach (X509ChainElement element in chain.ChainElements)
                {
                    pinned.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            if (certificate is X509Certificate2 certificate2)
            {
                return pinned.Build(certificate2);
            }

            using var copy = new X509Certificate2(certificate);
            return pinned.Build(copy);
        }
    }
}
