using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace CommuneRadio.Host.Provisioning;

/// <summary>
/// A Mosquitto 2.x <c>password_file</c>, hashed as <c>mosquitto_passwd</c> does it, so a provisioning directory can
/// be copied to the broker without plaintext passwords and without mosquitto installed on the engineer's machine:
/// <code>
/// user:$7$101$&lt;base64 salt, 12 bytes&gt;$&lt;base64 PBKDF2-HMAC-SHA512(password, salt, 101 iterations), 64 bytes&gt;
/// ht-ab-001:$7$101$sHdDj0SXsBt6NccA$gmRqJjzU…Eyw==
/// </code>
/// </summary>
public static class MosquittoPasswords
{
    /// <summary>PBKDF2 iterations of mosquitto_passwd's default "$7$" format.</summary>
    public const int Iterations = 101;

    /// <summary>The whole file: one hashed line per user, in the order given, each with a fresh random salt.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var file = new StringBuilder();
        foreach (KeyValuePair<string, string> user in users)
        {
            file.Append(Line(user.Key, user.Value, RandomNumberGenerator.GetBytes(12))).Append('\n');
        }

        return file.ToString();
    }

    /// <summary>One line for <paramref name="user"/> with the given salt (tests compare it with mosquitto_passwd).</summary>
    public static string Line(string user, string password, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(salt);
        if (user.Length == 0 || user.Contains(':', StringComparison.Ordinal) || user.IndexOfAny(new[] { '\r', '\n' }) >= 0)
        {
            throw new ArgumentException($"'{user}' cannot be a Mosquitto user name (empty, ':' or a line break)", nameof(user));
        }

        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, 64);
        return $"{user}:$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
