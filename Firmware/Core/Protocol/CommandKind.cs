namespace CommuneRadio.Core.Protocol
{
    /// <summary>The commands of docs/protocol.md §3.2.</summary>
    public enum CommandKind
    {
        /// <summary>Not a known command.</summary>
        Unknown = 0,

        /// <summary>schedule.add</summary>
        ScheduleAdd,

        /// <summary>schedule.replace</summary>
        ScheduleReplace,

        /// <summary>schedule.remove</summary>
        ScheduleRemove,

        /// <summary>schedule.sync</summary>
        ScheduleSync,

        /// <summary>play</summary>
        Play,

        /// <summary>stop</summary>
        Stop,

        /// <summary>emergency.start</summary>
        EmergencyStart,

        /// <summary>emergency.stop</summary>
        EmergencyStop,

        /// <summary>relay.selftest</summary>
        RelaySelfTest,

        /// <summary>status</summary>
        Status,

        /// <summary>time (signed time beacon)</summary>
        Time,

        /// <summary>config.set</summary>
        ConfigSet,

        /// <summary>key.rotate</summary>
        KeyRotate,

        /// <summary>update.begin (docs/protocol.md §8)</summary>
        UpdateBegin,

        /// <summary>update.chunk</summary>
        UpdateChunk,

        /// <summary>update.commit</summary>
        UpdateCommit,
    }
}
