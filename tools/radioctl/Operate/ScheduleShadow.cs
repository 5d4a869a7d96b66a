using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Host.Protocol;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// What a station's health should say about its schedule, computed from the local record with the Core's parser
/// and digest (<see cref="ScheduleDigests"/>, shared with the fleet server), so <c>schedule list</c> can tell
/// "in step" from "differs" without the station publishing its items.
/// </summary>
public static class ScheduleShadow
{
    /// <summary>The expected digest, as the 8 lowercase hex digits of the health message.</summary>
    public static string Digest(IReadOnlyList<LocalItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return ScheduleDigests.Digest(items.Select(i => (i.Id, i.Json, i.Issuer, i.Level)));
    }

    /// <summary>Reads a stored item through the Core's parser; throws <see cref="FormatException"/> when it cannot.</summary>
    public static ScheduleItem Parse(LocalItem local)
    {
        ArgumentNullException.ThrowIfNull(local);
        try
        {
            return ScheduleDigests.Parse(local.Id, local.Json, local.Issuer, local.Level);
        }
        catch (FormatException ex)
        {
            throw new FormatException("stored " + ex.Message, ex);
        }
    }
}
