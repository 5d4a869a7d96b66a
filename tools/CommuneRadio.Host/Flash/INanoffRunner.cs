using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Host.Flash;

/// <summary>Runs nanoff (the real tool, or a recorder in tests).</summary>
public interface INanoffRunner
{
    /// <summary>True when nanoff can be run (installed).</summary>
    bool IsAvailable();

    /// <summary>Runs one invocation to its end; returns nanoff's exit code.</summary>
    Task<int> RunAsync(NanoffInvocation invocation, CancellationToken cancellationToken);
}
