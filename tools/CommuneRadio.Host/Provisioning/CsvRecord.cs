using System.Collections.Generic;

namespace CommuneRadio.Host.Provisioning;

/// <summary>One record of a CSV file: its fields and the line it starts on (1-based, for error messages).</summary>
/// <param name="Line">Physical line number where the record starts (a quoted field may span lines).</param>
/// <param name="Fields">The unquoted field values, in order.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
