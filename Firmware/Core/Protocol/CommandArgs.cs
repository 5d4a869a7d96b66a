using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>The arguments of one command after parsing (docs/protocol.md §3.2); reused per message.</summary>
    public sealed class CommandArgs
    {
        /// <summary>schedule.add / schedule.replace: the item.</summary>
        public ScheduleItem Item;

        /// <summary>schedule.sync: the items.</summary>
        public ScheduleItem[] Items;

        /// <summary>schedule.sync: the version.</summary>
        public long Version;

        /// <summary>schedule.remove: the item id; stop: the programme id (null = all).</summary>
        public string TargetId;

        /// <summary>play: the class.</summary>
        public BroadcastClass Class;

        /// <summary>play / emergency.start: seconds.</summary>
        public int Duration;

        /// <summary>play / emergency.start: line mask.</summary>
        public int Lines;

        /// <summary>play / emergency.start: source.</summary>
        public int Source;

        /// <summary>emergency.*: the scope (null = the command's addressee).</summary>
        public string Scope;

        /// <summary>time: the beacon's UTC milliseconds.</summary>
        public long UtcMs;

        /// <summary>config.set: telemetry period in seconds (0 = unchanged).</summary>
        public int TelemetrySeconds;

        /// <summary>key.rotate: the issuer whose key changes.</summary>
        public string KeyIssuer;

        /// <summary>key.rotate: the new key (32 bytes).</summary>
        public byte[] Key;

        /// <summary>update.*: the version.</summary>
        public string UpdateVersion;

        /// <summary>update.begin: the manifest (files, chunk size, image MAC; its version is <see cref="UpdateVersion"/>).</summary>
        public CommuneRadio.Core.Update.UpdateManifest Manifest;

        /// <summary>update.chunk: the file index (transfer order of the manifest).</summary>
        public int UpdateFile;

        /// <summary>update.chunk: the byte offset in the file.</summary>
        public int UpdateOffset;

        /// <summary>
        /// update.chunk: the decoded bytes, in one buffer of <see cref="CommuneRadio.Core.Update.UpdateManifest.MaxChunkSize"/>
        /// allocated at the first chunk and reused (kept by <see cref="Clear"/>).
        /// </summary>
        public byte[] ChunkBuffer;

        /// <summary>update.chunk: the number of bytes decoded into <see cref="ChunkBuffer"/>.</summary>
        public int ChunkLength;

        /// <summary>Forgets the previous command.</summary>
        public void Clear()
        {
            Item = null;
            Items = null;
            Version = 0;
            TargetId = null;
            Class = BroadcastClass.Normal;
            Duration = 0;
            Lines = 0;
            Source = 0;
            Scope = null;
            UtcMs = 0;
            TelemetrySeconds = 0;
            KeyIssuer = null;
            Key = null;
            UpdateVersion = null;
            Manifest = null;
            UpdateFile = 0;
            UpdateOffset = 0;
            ChunkLength = 0;
        }
    }
}
