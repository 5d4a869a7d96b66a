using System;

namespace CommuneRadio.Host.Provisioning;

/// <summary>The text is not RFC 4180 CSV; <see cref="Line"/> and <see cref="Column"/> say where.</summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public CsvFormatException(int line, int column, string problem)
        : base($"line {line}, character {column}: {problem}")
    {
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based character position in that line.</summary>
    public int Column { get; }
}
