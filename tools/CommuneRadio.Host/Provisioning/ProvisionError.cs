namespace CommuneRadio.Host.Provisioning;

/// <summary>
/// One problem found while provisioning, with where it is:
/// <code>
/// (7, "board", "unknown profile 'relay5' (devkit-4relay, board-8relay)")
///     >> "row 7, column board: unknown profile 'relay5' (devkit-4relay, board-8relay)"
/// (0, null, "--ca is required")  >> "--ca is required"
/// </code>
/// </summary>
/// <param name="Row">Row of the inventory (its line number; the header is row 1), or 0 when not about a row.</param>
/// <param name="Column">Inventory column name, or null.</param>
/// <param name="Message">What is wrong and, where it helps, what is allowed.</param>
public sealed record ProvisionError(int Row, string? Column, string Message)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        string where = Row > 0 ? $"row {Row}" : string.Empty;
        if (Column is not null)
        {
            where += (where.Length > 0 ? ", " : string.Empty) + $"column {Column}";
        }

        return where.Length > 0 ? $"{where}: {Message}" : Message;
    }
}
