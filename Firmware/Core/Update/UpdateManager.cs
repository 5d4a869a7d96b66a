using CommuneRadio.Core.Persistence;

namespace CommuneRadio.Core.Update
{
    /// <summary>
    /// The remote application update of one station (docs/protocol.md §8): two slots of <c>.pe</c> files on
    /// <see cref="IUpdateStorage"/>, one active, the other receiving. The state machine:
    /// <code>
    /// Idle ──begin──▶ Receiving ──last chunk, chain = image MAC──▶ Verified ──commit (read back, chain again)──▶ Trial
    ///   ▲                 │ image mismatch: discarded                                                            │
    ///   │                 ▼                                                                                      │
    ///   └──────── Idle ◀── healthy within the prove time: the new slot becomes active (update-committed) ◀───────┤
    ///             Idle ◀── prove time spent, too many boots, or not loadable: back to the old slot (update-rolled-back)
    /// </code>
    /// Every step that changes the state saves the "update" record before it answers (data first, then the
    /// record), so a power cut at any instant leaves either the step undone — the same chunk or commit is taken again —
    /// or done: a transfer resumes at the next chunk it lacks, a trial keeps counting. The running slot's files are
    /// never written. Nothing here reads a clock: monotonic time comes in as arguments.
    /// </summary>
    public sealed class UpdateManager
    {
        /// <summary>The record name.</summary>
        public const string RecordName = "update";

        /// <summary>The built-in application (deployed with nanoff), no slot.</summary>
        public const int BuiltIn = -1;

        private const int Format = 1;

        private readonly RecordStore _records;
        private readonly IUpdateStorage _files;
        private readonly UpdateSettings _settings;
        private readonly string _builtInVersion;
        private readonly ImageChain _chain = new ImageChain();
        private readonly RecordWriter _writer = new RecordWriter(1024);
        private long _sequence;
        private byte[] _readBack;

        // The record.
        private UpdateState _state;
        private int _activeSlot = BuiltIn;
        private string _activeVersion;
        private string[] _activeNames = new string[0];
        private UpdateManifest _manifest;
        private string _issuer;
        private int _file;
        private int _offset;
        private byte[] _link;
        private int _trialBoots;
        private long _trialElapsedMs;
        private UpdateOutcome _lastOutcome;
        private UpdateReason _lastReason;
        private string _lastVersion;
        private bool _eventPending;

        // This boot.
        private int _runningSlot = BuiltIn;
        private long _trialSavedAtMs;

        /// <summary>Creates the manager over the station's records and the slot files; call <see cref="Boot"/> next.</summary>
        public UpdateManager(RecordStore records, IUpdateStorage files, string builtInVersion, UpdateSettings settings)
        {
            _records = records;
            _files = files;
            _builtInVersion = builtInVersion;
            _settings = settings == null ? new UpdateSettings() : settings;
            _activeVersion = builtInVersion;
        }

        /// <summary>Where the update stands.</summary>
        public UpdateState State
        {
            get { return _state; }
        }

        /// <summary>The version this boot runs.</summary>
        public string RunningVersion
        {
            get { return _runningSlot == _activeSlot || _manifest == null ? _activeVersion : _manifest.Version; }
        }

        /// <summary>The version being received, verified or on trial; null when idle.</summary>
        public string PendingVersion
        {
            get { return _state == UpdateState.Idle || _manifest == null ? null : _manifest.Version; }
        }

        /// <summary>The manifest being received, verified or on trial; null when idle.</summary>
        public UpdateManifest Pending
        {
            get { return _state == UpdateState.Idle ? null : _manifest; }
        }

        /// <summary>The slot this boot runs (<see cref="BuiltIn"/> for the nanoff-deployed application).</summary>
        public int RunningSlot
        {
            get { return _runningSlot; }
        }

        /// <summary>How the last update ended.</summary>
        public UpdateOutcome LastOutcome
        {
            get { return _lastOutcome; }
        }

        /// <summary>Why (for a rollback or a discarded transfer).</summary>
        public UpdateReason LastReason
        {
            get { return _lastReason; }
        }

        /// <summary>The version the last outcome is about.</summary>
        public string LastVersion
        {
            get { return _lastVersion; }
        }

        /// <summary>The next chunk wanted while receiving: file index and offset (also after an out-of-order refusal).</summary>
        public int NextFile
        {
            get { return _file; }
        }

        /// <summary>The next chunk wanted while receiving: byte offset in <see cref="NextFile"/>.</summary>
        public int NextOffset
        {
            get { return _offset; }
        }

        /// <summary>Bytes received and verified so far of the pending image.</summary>
        public long ReceivedBytes
        {
            get
            {
                if (_manifest == null || _state == UpdateState.Idle)
                {
                    return 0;
                }

                if (_state != UpdateState.Receiving)
                {
                    return _manifest.TotalBytes;
                }

                long n = _offset;
                for (int i = 0; i < _file; i++)
                {
                    n += _manifest.Sizes[i];
                }

                return n;
            }
        }

        /// <summary>Bytes of the pending image; 0 when idle.</summary>
        public long TotalBytes
        {
            get { return _manifest == null || _state == UpdateState.Idle ? 0 : _manifest.TotalBytes; }
        }

        /// <summary>Set when the station must restart (a commit, a rollback): the runtime reboots once its outbox is sent.</summary>
        public bool RebootRequested { get; private set; }

        /// <summary>The name of <paramref name="file"/> in <paramref name="slot"/> on the update storage.</summary>
        public static string SlotFile(int slot, string file)
        {
            return "slot" + slot + "/" + file;
        }

        /// <summary>The files the loader loads for <paramref name="slot"/> (the active one's, or the one on trial).</summary>
        public string[] FilesOf(int slot)
        {
            if (slot == BuiltIn)
            {
                return new string[0];
            }

            return slot == _activeSlot ? _activeNames : _manifest.Names;
        }

        /// <summary>
        /// At start, before any application code is loaded (the resident loader): reads the record and returns the
        /// slot to load. A version on trial gets its boot counted (saved first, so a crash while loading counts too)
        /// or, out of boots or of prove time, is rolled back to the active slot.
        /// </summary>
        public int Boot()
        {
            Load();
            _runningSlot = _activeSlot;
            if (_state == UpdateState.Trial)
            {
                if (_trialBoots >= _settings.MaxTrialBoots)
                {
                    RollBack(UpdateReason.BootFailed);
                }
                else if (_trialElapsedMs >= _settings.ProveWithinMs)
                {
                    RollBack(UpdateReason.NotHealthy);
                }
                else
                {
                    _trialBoots++;
                    if (Save())
                    {
                        _runningSlot = TargetSlot();
                    }
                    else
                    {
                        // A boot that cannot be counted could loop for ever: run the proven version instead.
                        _trialBoots--;
                    }
                }
            }

            RebootRequested = false;
            _trialSavedAtMs = 0;
            return _runningSlot;
        }

        /// <summary>
        /// In the application, after the resident loader's <see cref="Boot"/> chose <paramref name="bootedSlot"/> and
        /// loaded it: reads the record without counting another boot. A slot the record does not explain (neither the
        /// active one nor the one on trial) is taken as the active one's, so the application never acts on a guess.
        /// </summary>
        public void Attach(int bootedSlot)
        {
            Load();
            _runningSlot = bootedSlot == _activeSlot || (_state == UpdateState.Trial && bootedSlot == TargetSlot()) ? bootedSlot : _activeSlot;
            RebootRequested = false;
            _trialSavedAtMs = 0;
        }

        /// <summary>The loader could not load the slot <see cref="Boot"/> chose. Returns the slot to try instead (restart first).</summary>
        public int LoadFailed()
        {
            if (_state == UpdateState.Trial && _runningSlot == TargetSlot())
            {
                RollBack(UpdateReason.LoadFailed);
                RebootRequested = true;
            }

            return _activeSlot;
        }

        /// <summary>
        /// <c>update.begin</c> from <paramref name="issuer"/> (whose key verifies the chain). The same version again
        /// resumes where it stands; another version replaces a transfer in progress. Refused while a version is on
        /// trial, for the running version, for a bad manifest, and when the drive cannot hold the image.
        /// </summary>
        public UpdateReason Begin(UpdateManifest manifest, string issuer, byte[] key)
        {
            if (manifest == null || manifest.Check() != null)
            {
                return UpdateReason.InvalidManifest;
            }

            if (_state == UpdateState.Trial)
            {
                return UpdateReason.InTrial;
            }

            if (manifest.Version == RunningVersion)
            {
                return UpdateReason.AlreadyRunning;
            }

            if (_state != UpdateState.Idle && _manifest.Version == manifest.Version && _issuer == issuer && ImageChain.Same(_manifest.ImageMac, manifest.ImageMac))
            {
                return UpdateReason.None;
            }

            int target = TargetSlot();
            if (_files.FreeBytes() + SlotBytes(target) < manifest.TotalBytes)
            {
                return UpdateReason.StorageFull;
            }

            UpdateState oldState = _state;
            UpdateManifest oldManifest = _manifest;
            string oldIssuer = _issuer;
            int oldFile = _file;
            int oldOffset = _offset;
            byte[] oldLink = _link;
            _state = UpdateState.Receiving;
            _manifest = manifest;
            _issuer = issuer;
            _file = 0;
            _offset = 0;
            _link = ImageChain.Start(key, manifest.Version);
            if (!Save())
            {
                _state = oldState;
                _manifest = oldManifest;
                _issuer = oldIssuer;
                _file = oldFile;
                _offset = oldOffset;
                _link = oldLink;
                return UpdateReason.StorageFull;
            }

            if (oldManifest != null && oldState != UpdateState.Idle)
            {
                DeleteFiles(target, oldManifest.Names);
            }

            return UpdateReason.None;
        }

        /// <summary>
        /// <c>update.chunk</c>: <paramref name="count"/> bytes of file <paramref name="file"/> at <paramref name="offset"/>.
        /// Only the next chunk is taken (an earlier one is acknowledged as <see cref="UpdateReason.AlreadyReceived"/>,
        /// a later one refused <see cref="UpdateReason.OutOfOrder"/> with <see cref="NextFile"/>/<see cref="NextOffset"/>);
        /// it is written, then the progress saved. The last chunk completes the chain: equal to the image MAC the
        /// transfer is verified, else discarded.
        /// </summary>
        public UpdateReason Chunk(string version, string issuer, byte[] key, int file, int offset, byte[] data, int start, int count)
        {
            if (_state == UpdateState.Verified && _manifest.Version == version)
            {
                return UpdateReason.AlreadyReceived;
            }

            if (_state != UpdateState.Receiving)
            {
                return UpdateReason.NoUpdate;
            }

            if (version != _manifest.Version)
            {
                return UpdateReason.WrongVersion;
            }

            if (issuer != _issuer)
            {
                return UpdateReason.WrongIssuer;
            }

            if (file < 0 || file >= _manifest.Names.Length || offset < 0 || offset >= _manifest.Sizes[file] || offset % _manifest.ChunkSize != 0 ||
                data == null || start < 0 || count != _manifest.ChunkLength(file, offset) || start + count > data.Length)
            {
                return UpdateReason.InvalidChunk;
            }

            if (file < _file || (file == _file && offset < _offset))
            {
                return UpdateReason.AlreadyReceived;
            }

            if (file != _file || offset != _offset)
            {
                return UpdateReason.OutOfOrder;
            }

            string name = SlotFile(TargetSlot(), _manifest.Names[file]);
            if (offset > 0 && _files.Length(name) < offset)
            {
                // The bytes before this chunk are gone from flash (the record says they were written): the chain
                // up to here can no longer be checked at commit, so the transfer starts again.
                Discard(UpdateReason.FlashMismatch);
                return UpdateReason.FlashMismatch;
            }

            if ((offset == 0 && !_files.Delete(name)) || !_files.WriteAt(name, offset, data, start, count))
            {
                return UpdateReason.StorageFull;
            }

            byte[] link = _chain.Next(key, _link, file, offset, data, start, count);
            int nextFile = file;
            int nextOffset = offset + count;
            if (nextOffset >= _manifest.Sizes[file])
            {
                nextFile++;
                nextOffset = 0;
            }

            if (nextFile == _manifest.Names.Length && !ImageChain.Same(link, _manifest.ImageMac))
            {
                Discard(UpdateReason.ImageMismatch);
                return UpdateReason.ImageMismatch;
            }

            byte[] oldLink = _link;
            _link = link;
            _file = nextFile;
            _offset = nextOffset;
            if (nextFile == _manifest.Names.Length)
            {
                _state = UpdateState.Verified;
            }

            if (!Save())
            {
                _state = UpdateState.Receiving;
                _link = oldLink;
                _file = file;
                _offset = offset;
                return UpdateReason.StorageFull;
            }

            return UpdateReason.None;
        }

        /// <summary>
        /// <c>update.commit</c>: reads the received image back from flash and checks its chain again, then puts the
        /// new version on trial and asks for a restart (<see cref="RebootRequested"/>).
        /// </summary>
        public UpdateReason Commit(string version, string issuer, byte[] key)
        {
            if (_state == UpdateState.Trial && _manifest.Version == version)
            {
                return UpdateReason.AlreadyReceived;
            }

            if (_state == UpdateState.Idle)
            {
                return UpdateReason.NoUpdate;
            }

            if (version != _manifest.Version)
            {
                return UpdateReason.WrongVersion;
            }

            if (issuer != _issuer)
            {
                return UpdateReason.WrongIssuer;
            }

            if (_state != UpdateState.Verified)
            {
                return UpdateReason.NotVerified;
            }

            if (!ReadBackMatches(key))
            {
                Discard(UpdateReason.FlashMismatch);
                return UpdateReason.FlashMismatch;
            }

            _state = UpdateState.Trial;
            _trialBoots = 0;
            _trialElapsedMs = 0;
            if (!Save())
            {
                _state = UpdateState.Verified;
                return UpdateReason.StorageFull;
            }

            RebootRequested = true;
            return UpdateReason.None;
        }

        /// <summary>
        /// The station is connected and has published its health: a version on trial has proved itself and becomes
        /// the active one (<c>update-committed</c>). Called after every health publish; does nothing otherwise.
        /// </summary>
        public void Healthy()
        {
            if (_state != UpdateState.Trial || _runningSlot != TargetSlot())
            {
                return;
            }

            int oldActive = _activeSlot;
            string oldVersion = _activeVersion;
            string[] oldNames = _activeNames;
            _activeSlot = _runningSlot;
            _activeVersion = _manifest.Version;
            _activeNames = _manifest.Names;
            _state = UpdateState.Idle;
            End(UpdateOutcome.Committed, UpdateReason.None, _manifest.Version);
            if (!Save())
            {
                // Try again at the next health publish.
                _activeSlot = oldActive;
                _activeVersion = oldVersion;
                _activeNames = oldNames;
                _state = UpdateState.Trial;
                _eventPending = false;
                return;
            }

            // The old slot's files are no longer needed; the next update writes there.
            DeleteFiles(oldActive, oldNames);
        }

        /// <summary>
        /// Time on trial, at every loop pass (<paramref name="uptimeMs"/> since this boot). Saved every
        /// <see cref="UpdateSettings.SaveTrialEveryMs"/>; once the prove time is spent, rolled back with a restart.
        /// </summary>
        public void Tick(long uptimeMs)
        {
            if (_state != UpdateState.Trial || _runningSlot != TargetSlot())
            {
                return;
            }

            long spent = _trialElapsedMs + uptimeMs - _trialSavedAtMs;
            if (spent >= _settings.ProveWithinMs)
            {
                _trialElapsedMs = spent;
                RollBack(UpdateReason.NotHealthy);
                RebootRequested = true;
                return;
            }

            if (uptimeMs - _trialSavedAtMs >= _settings.SaveTrialEveryMs)
            {
                long old = _trialElapsedMs;
                _trialElapsedMs = spent;
                if (Save())
                {
                    _trialSavedAtMs = uptimeMs;
                }
                else
                {
                    _trialElapsedMs = old;
                }
            }
        }

        /// <summary>An outcome not yet reported (<c>update-committed</c>, <c>update-rolled-back</c>); it survives restarts.</summary>
        public bool EventPending
        {
            get { return _eventPending; }
        }

        /// <summary>The pending outcome was handed to the outbox: saved as reported.</summary>
        public void EventReported()
        {
            if (_eventPending)
            {
                _eventPending = false;
                if (!Save())
                {
                    _eventPending = true;
                }
            }
        }

        private int TargetSlot()
        {
            return _activeSlot == 0 ? 1 : 0;
        }

        private long SlotBytes(int slot)
        {
            long n = 0;
            string[] names = _state != UpdateState.Idle && _manifest != null ? _manifest.Names : null;
            if (names == null)
            {
                return 0;
            }

            for (int i = 0; i < names.Length; i++)
            {
                int length = _files.Length(SlotFile(slot, names[i]));
                n += length > 0 ? length : 0;
            }

            return n;
        }

        private bool ReadBackMatches(byte[] key)
        {
            if (_readBack == null || _readBack.Length != _manifest.ChunkSize)
            {
                _readBack = new byte[_manifest.ChunkSize];
            }

            byte[] link = ImageChain.Start(key, _manifest.Version);
            int slot = TargetSlot();
            for (int f = 0; f < _manifest.Names.Length; f++)
            {
                string name = SlotFile(slot, _manifest.Names[f]);
                if (_files.Length(name) != _manifest.Sizes[f])
                {
                    return false;
                }

                for (int offset = 0; offset < _manifest.Sizes[f]; offset += _manifest.ChunkSize)
                {
                    int count = _manifest.ChunkLength(f, offset);
                    if (_files.ReadAt(name, offset, _readBack, 0, count) != count)
                    {
                        return false;
                    }

                    link = _chain.Next(key, link, f, offset, _readBack, 0, count);
                }
            }

            return ImageChain.Same(link, _manifest.ImageMac);
        }

        private void Discard(UpdateReason reason)
        {
            string[] names = _manifest.Names;
            string version = _manifest.Version;
            _state = UpdateState.Idle;
            End(UpdateOutcome.Discarded, reason, version);
            Save();
            DeleteFiles(TargetSlot(), names);
        }

        private void RollBack(UpdateReason reason)
        {
            string[] names = _manifest.Names;
            _state = UpdateState.Idle;
            End(UpdateOutcome.RolledBack, reason, _manifest.Version);
            _runningSlot = _activeSlot;
            Save();
            DeleteFiles(TargetSlot(), names);
        }

        private void End(UpdateOutcome outcome, UpdateReason reason, string version)
        {
            _lastOutcome = outcome;
            _lastReason = reason;
            _lastVersion = version;
            _eventPending = true;
        }

        private void DeleteFiles(int slot, string[] names)
        {
            if (slot == BuiltIn || names == null)
            {
                return;
            }

            for (int i = 0; i < names.Length; i++)
            {
                _files.Delete(SlotFile(slot, names[i]));
            }
        }

        private bool Save()
        {
            RecordWriter w = _writer;
            w.Reset();
            w.WriteByte((int)_state);
            w.WriteInt32(_activeSlot);
            w.WriteString(_activeVersion);
            WriteNames(w, _activeNames);
            w.WriteBool(_manifest != null);
            if (_manifest != null)
            {
                w.WriteString(_manifest.Version);
                WriteNames(w, _manifest.Names);
                for (int i = 0; i < _manifest.Sizes.Length; i++)
                {
                    w.WriteInt32(_manifest.Sizes[i]);
                }

                w.WriteInt32(_manifest.ChunkSize);
                w.WriteBytes(_manifest.ImageMac, 0, 32);
                w.WriteString(_issuer);
                w.WriteInt32(_file);
                w.WriteInt32(_offset);
                w.WriteBytes(_link, 0, 32);
            }

            w.WriteInt32(_trialBoots);
            w.WriteInt64(_trialElapsedMs);
            w.WriteByte((int)_lastOutcome);
            w.WriteByte((int)_lastReason);
            w.WriteString(_lastVersion);
            w.WriteBool(_eventPending);
            if (!_records.Save(RecordName, Format, _sequence + 1, w.Buffer, w.Length))
            {
                return false;
            }

            _sequence++;
            return true;
        }

        private void Load()
        {
            int offset;
            int length;
            long sequence;
            byte[] data = _records.Load(RecordName, Format, out offset, out length, out sequence);
            if (data == null)
            {
                return;
            }

            RecordReader r = new RecordReader(data, offset, length);
            UpdateState state = (UpdateState)r.ReadByte();
            int activeSlot = r.ReadInt32();
            string activeVersion = r.ReadString(UpdateManifest.MaxVersionLength * 4);
            string[] activeNames = ReadNames(r);
            UpdateManifest manifest = null;
            string issuer = null;
            int file = 0;
            int at = 0;
            byte[] link = null;
            if (r.ReadBool())
            {
                manifest = new UpdateManifest();
                manifest.Version = r.ReadString(UpdateManifest.MaxVersionLength * 4);
                manifest.Names = ReadNames(r);
                int count = manifest.Names == null ? 0 : manifest.Names.Length;
                manifest.Sizes = new int[count];
                for (int i = 0; i < count; i++)
                {
                    manifest.Sizes[i] = r.ReadInt32();
                }

                manifest.ChunkSize = r.ReadInt32();
                manifest.ImageMac = r.ReadBytes(32);
                issuer = r.ReadString(256);
                file = r.ReadInt32();
                at = r.ReadInt32();
                link = r.ReadBytes(32);
            }

            int trialBoots = r.ReadInt32();
            long trialElapsed = r.ReadInt64();
            int outcome = r.ReadByte();
            int reason = r.ReadByte();
            string lastVersion = r.ReadString(UpdateManifest.MaxVersionLength * 4);
            bool eventPending = r.ReadBool();
            bool stateOk = state == UpdateState.Idle || (manifest != null && manifest.Check() == null && link != null);
            if (r.Failed || !r.AtEnd || !stateOk || activeSlot < BuiltIn || activeSlot > 1 || activeNames == null)
            {
                // A record this build cannot read: keep the built-in defaults (the loader then runs the built-in
                // application, which is always there) rather than guess at slots.
                return;
            }

            _sequence = sequence;
            _state = state;
            _activeSlot = activeSlot;
            _activeVersion = activeVersion == null ? _builtInVersion : activeVersion;
            _activeNames = activeNames;
            _manifest = manifest;
            _issuer = issuer;
            _file = file;
            _offset = at;
            _link = link;
            _trialBoots = trialBoots;
            _trialElapsedMs = trialElapsed;
            _lastOutcome = (UpdateOutcome)outcome;
            _lastReason = (UpdateReason)reason;
            _lastVersion = lastVersion;
            _eventPending = eventPending;
        }

        private static void WriteNames(RecordWriter w, string[] names)
        {
            w.WriteByte(names.Length);
            for (int i = 0; i < names.Length; i++)
            {
                w.WriteString(names[i]);
            }
        }

        private static string[] ReadNames(RecordReader r)
        {
            int n = r.ReadByte();
            if (n > UpdateManifest.MaxFiles)
            {
                r.Fail();
                return null;
            }

            string[] names = new string[n];
            for (int i = 0; i < n; i++)
            {
                names[i] = r.ReadString(UpdateManifest.MaxNameLength);
            }

            return names;
        }
    }
}
