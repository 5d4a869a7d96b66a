namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Topic names of one station (docs/protocol.md §1). Built once at start-up, so publishing allocates no
    /// topic strings.
    /// <para>Example: prefix "cr/v1", station "ht-ab-001", groups {"vn","com.ha-tinh.an-binh"} →
    /// subscribes "cr/v1/st/ht-ab-001/cmd", "cr/v1/g/vn/cmd", "cr/v1/g/com.ha-tinh.an-binh/cmd";
    /// "cr/v1/g/vn/cmd" is addressed to "g/vn".</para>
    /// </summary>
    public sealed class Topics
    {
        /// <summary>Builds the topics of a station.</summary>
        public Topics(string prefix, string station, string[] groups)
        {
            Prefix = prefix;
            Station = station;
            StationTarget = "st/" + station;
            GroupTargets = new string[groups.Length];
            Subscriptions = new string[groups.Length + 1];
            Subscriptions[0] = prefix + "/" + StationTarget + "/cmd";
            for (int i = 0; i < groups.Length; i++)
            {
                GroupTargets[i] = "g/" + groups[i];
                Subscriptions[i + 1] = prefix + "/" + GroupTargets[i] + "/cmd";
            }

            Result = prefix + "/" + StationTarget + "/result";
            Event = prefix + "/" + StationTarget + "/event";
            Health = prefix + "/" + StationTarget + "/health";
            State = prefix + "/" + StationTarget + "/state";
        }

        /// <summary>Topic prefix, e.g. "cr/v1".</summary>
        public readonly string Prefix;

        /// <summary>Station id.</summary>
        public readonly string Station;

        /// <summary>This station as an addressee: "st/{station}".</summary>
        public readonly string StationTarget;

        /// <summary>This station's groups as addressees: "g/{group}".</summary>
        public readonly string[] GroupTargets;

        /// <summary>Command topics to subscribe to (QoS 1): the station's own, then each group's.</summary>
        public readonly string[] Subscriptions;

        /// <summary>Where results go.</summary>
        public readonly string Result;

        /// <summary>Where proof-of-play events go.</summary>
        public readonly string Event;

        /// <summary>Where health snapshots go.</summary>
        public readonly string Health;

        /// <summary>Retained online/offline state (and last will).</summary>
        public readonly string State;

        /// <summary>
        /// The addressee ("st/…" or "g/…") of a command topic this station subscribes to, or null for any
        /// other topic. Returns the preallocated string, so it allocates nothing.
        /// </summary>
        public string AddresseeOf(string topic)
        {
            for (int i = 0; i < Subscriptions.Length; i++)
            {
                if (Subscriptions[i] == topic)
                {
                    return i == 0 ? StationTarget : GroupTargets[i - 1];
                }
            }

            return null;
        }
    }
}
