using System.Collections.Generic;
using System.Linq;

namespace CommuneRadio.Cli.Operate;

/// <summary>The result of sending one command to a target and waiting for its members.</summary>
/// <param name="Command">Command name, e.g. "schedule.add".</param>
/// <param name="Id">Command id (also the programme id of play and emergencies).</param>
/// <param name="Issuer">Issuer that signed it.</param>
/// <param name="Target">Addressee and members.</param>
/// <param name="Answers">One entry per member, in fleet-file order.</param>
/// <param name="Others">Results with this id from stations not in the fleet file's member list.</param>
/// <param name="TimedOut">True when the wait ended at --timeout with stations still pending.</param>
public sealed record GroupOutcome(string Command, string Id, string Issuer, Target Target, IReadOnlyList<StationAnswer> Answers, IReadOnlyList<StationAnswer> Others, bool TimedOut)
{
    /// <summary>Members that accepted.</summary>
    public int Accepted => Answers.Count(a => a.Result == "accepted");

    /// <summary>Members that refused.</summary>
    public int Refused => Answers.Count(a => a.Result == "refused");

    /// <summary>Members that did not answer.</summary>
    public int Silent => Answers.Count(a => a.Silent);

    /// <summary>Exit code: 2 when any member refused, else 3 when any was silent, else 0 (<see cref="ExitCodes"/>).</summary>
    public int ExitCode => Refused > 0 ? ExitCodes.Refused : Silent > 0 ? ExitCodes.Silent : ExitCodes.Ok;
}
