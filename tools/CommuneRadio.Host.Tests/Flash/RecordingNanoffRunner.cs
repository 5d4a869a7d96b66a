using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Flash;

namespace CommuneRadio.Host.Tests.Flash;

/// <summary>Stands in for nanoff: records each invocation and answers with the configured exit codes.</summary>
internal sealed class RecordingNanoffRunner : INanoffRunner
{
    private readonly Queue<int> _exitCodes;

    public RecordingNanoffRunner(bool available = true, params int[] exitCodes)
    {
        Available = available;
        _exitCodes = new Queue<int>(exitCodes);
    }

    public bool Available { get; }

    public List<NanoffInvocation> Runs { get; } = new();

    public bool IsAvailable() => Available;

    public Task<int> RunAsync(NanoffInvocation invocation, CancellationToken cancellationToken)
    {
        Runs.Add(invocation);
        return Task.FromResult(_exitCodes.Count > 0 ? _exitCodes.Dequeue() : 0);
    }
}
