namespace CommuneRadio.Core.Scheduling
{
    /// <summary>
    /// One command's change to the schedule, checked once (<c>StationCore.Check</c>), then written as it will be
    /// (<see cref="Image"/>, before anything is applied) and applied as checked (<c>StationCore.Apply</c>). Setting a
    /// new change forgets the check. Reused per command: a quiet station allocates nothing for it.
    /// </summary>
    public sealed class ScheduleChange
    {
        /// <summary>What the change does.</summary>
        public ScheduleChangeKind Kind { get; private set; }

        /// <summary>Add / replace: the item.</summary>
        public ScheduleItem Item { get; private set; }

        /// <summary>Remove: the id.</summary>
        public string Id { get; private set; }

        /// <summary>Sync: the items.</summary>
        public ScheduleItem[] Items { get; private set; }

        /// <summary>Sync: the schedule version it sets.</summary>
        public long Version { get; private set; }

        /// <summary>True once the Core has accepted this change as it is (set by the check, cleared by every setter).</summary>
        public bool Checked { get; internal set; }

        /// <summary>A new item.</summary>
        public void Add(ScheduleItem item)
        {
            Set(ScheduleChangeKind.Add, item, null, null, 0);
        }

        /// <summary>Replaces the item with the same id.</summary>
        public void Replace(ScheduleItem item)
        {
            Set(ScheduleChangeKind.Replace, item, null, null, 0);
        }

        /// <summary>Removes the item <paramref name="id"/>.</summary>
        public void Remove(string id)
        {
            Set(ScheduleChangeKind.Remove, null, id, null, 0);
        }

        /// <summary>Replaces the whole schedule with <paramref name="items"/> at <paramref name="version"/>.</summary>
        public void Sync(ScheduleItem[] items, long version)
        {
            Set(ScheduleChangeKind.Sync, null, null, items, version);
        }

        /// <summary>Forgets the change (after its command), so it keeps no item or id alive until the next one.</summary>
        public void Clear()
        {
            Set(ScheduleChangeKind.None, null, null, null, 0);
        }

        /// <summary>The id of the item an add, replace or remove is about (null for a sync).</summary>
        public string TargetId
        {
            get { return Item != null ? Item.Id : Id; }
        }

        /// <summary>
        /// The schedule as it will be after the change, for the record written before it is applied: the entries of
        /// <paramref name="current"/> with the item added, replaced (keeping the old watermark) or removed, or the sync's
        /// items (each keeping the watermark of the item with its id). A new item has no watermark yet: it gets it at
        /// the first valid clock, as after a reboot (a moment later the Core writes the one it set).
        /// </summary>
        public ScheduleEntry[] Image(Schedule current, out int count, out long version)
        {
            ScheduleEntry old;
            version = Kind == ScheduleChangeKind.Sync ? Version : current.Version;
            if (Kind == ScheduleChangeKind.Sync)
            {
                ScheduleEntry[] synced = new ScheduleEntry[Items.Length];
                for (int i = 0; i < Items.Length; i++)
                {
                    bool kept = current.TryGet(Items[i].Id, out old) && old.HasWatermark;
                    synced[i] = new ScheduleEntry(Items[i], kept ? old.SettledUntilUtcMs : 0, kept);
                }

                count = synced.Length;
                return synced;
            }

            string target = TargetId;
            ScheduleEntry[] image = new ScheduleEntry[current.Count + 1];
            int n = 0;
            for (int i = 0; i < current.Count; i++)
            {
                ScheduleEntry e = current.EntryAt(i);
                if (e.Item.Id != target)
                {
                    image[n++] = e;
                }
                else if (Kind == ScheduleChangeKind.Replace)
                {
                    image[n++] = new ScheduleEntry(Item, e.SettledUntilUtcMs, e.HasWatermark);
                }
            }

            if (Kind == ScheduleChangeKind.Add)
            {
                image[n++] = new ScheduleEntry(Item, 0, false);
            }

            count = n;
            return image;
        }

        private void Set(ScheduleChangeKind kind, ScheduleItem item, string id, ScheduleItem[] items, long version)
        {
            Kind = kind;
            Item = item;
            Id = id;
            Items = items;
            Version = version;
            Checked = false;
        }
    }
}
