namespace CommuneRadio.Server.Storage;

/// <summary>One fault of one station, from the first health snapshot that listed it to the first that did not (table <c>fault_log</c>).</summary>
/// <param name="Station">Station id.</param>
/// <param name="Fault">Fault name (protocol §6: mains-lost, amp-no-current, …).</param>
/// <param name="RaisedUtcMs">When the server received the first snapshot listing it.</param>
/// <param name="ClearedUtcMs">When the server received the first snapshot without it; null while it lasts.</param>
public sealed record FaultRecord(string Station, string Fault, long RaisedUtcMs, long? ClearedUtcMs);
