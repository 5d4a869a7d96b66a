using System;
using System.Collections.Generic;
using System.Linq;

namespace CommuneRadio.Host.Flash;

/// <summary>
/// One nanoff run: what it does and its arguments, printable as the exact command line:
/// <code>
/// ("write the nanoFramework firmware", ["--update","--target","ESP32_REV0","--serialport","/dev/ttyUSB0","--masserase"])
///     >> nanoff --update --target ESP32_REV0 --serialport /dev/ttyUSB0 --masserase
/// an argument with a space or quote is single-quoted for a POSIX shell: '/home/eng/my dir/deploy.json'
/// </code>
/// </summary>
/// <param name="Step">What the run does, for messages.</param>
/// <param name="Arguments">nanoff's arguments, one element each (never split again by a shell).</param>
public sealed record NanoffInvocation(string Step, IReadOnlyList<string> Arguments)
{
    /// <summary>The command line as a user would type it.</summary>
    public string CommandLine => "nanoff " + string.Join(' ', Arguments.Select(Quote));

    private static string Quote(string argument)
    {
        bool plain = argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@+,%".Contains(c, StringComparison.Ordinal));
        return plain ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
