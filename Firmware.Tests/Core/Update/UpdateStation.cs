using System.Text;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Update;
using CommuneRadio.Tests.Core.Support;

namespace CommuneRadio.Tests.Core.Update
{
    /// <summary>
    /// A persistent station (<see cref="EndpointHarness.Persistent(IStorage, long, bool, byte[])"/>) whose records and slot
    /// files share one <see cref="PowerSupply"/>, with an <see cref="UpdateManager"/> wired to its endpoint: updates arrive
    /// as signed commands. The province issuer (prov.ht) has the update right; the others have none. The chain is under
    /// the station's copy of the province key.
    /// </summary>
    public sealed class UpdateStation
    {
        public readonly PowerSupply Power = new PowerSupply();
        public readonly MemoryStorage Flash = new MemoryStorage();
        public readonly MemoryUpdateStorage Files;
        public readonly UpdateSettings Settings = new UpdateSettings();
        public EndpointHarness H;
        public UpdateManager Manager;
        public int BootedSlot;
        private long _utc;
        private long _counter = 1000;

        public UpdateStation()
        {
            Files = new MemoryUpdateStorage(Power);
            _utc = StationHarness.MondayMidnightUtc + 9 * 3600000L;
            Restart();
        }

        /// <summary>A reboot: the power back, the station booted from the flash, the loader's slot chosen.</summary>
        public void Restart()
        {
            if (H != null)
            {
                _utc = H.Station.Utc + 5000;
                _counter = H.Counter;
            }

            Power.Restore();
            PoweredStorage storage = new PoweredStorage(Flash, Power);
            H = EndpointHarness.Persistent(storage, _utc, true, EndpointHarness.CommuneKey);
            H.Counter = _counter;
            H.Endpoint.Keys.Find("prov.ht").MayUpdate = true;
            Manager = new UpdateManager(new RecordStore(storage), Files, "1.0.0", Settings);
            BootedSlot = Manager.Boot();
            H.Endpoint.Update = Manager;
        }

        /// <summary>An image whose MAC is under the station's province key.</summary>
        public static UpdateImage Image(string version)
        {
            UpdateImage image = new UpdateImage(version, 512, new int[] { 1300, 512, 77 }, version.Length * 17 + version[version.Length - 1]);
            image.Manifest = image.ManifestWith(image.Manifest.Names, image.Manifest.Sizes, image.MacOf(EndpointHarness.ProvinceKey));
            return image;
        }

        public static string BeginArgs(UpdateImage image)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append("{\"version\":\"").Append(image.Version).Append("\",\"files\":[");
            for (int i = 0; i < image.Files.Length; i++)
            {
                sb.Append(i == 0 ? "{" : ",{").Append("\"name\":\"").Append(image.Manifest.Names[i]).Append("\",\"size\":").Append(image.Files[i].Length).Append('}');
            }

            sb.Append("],\"chunk\":").Append(image.ChunkSize).Append(",\"mac\":\"").Append(EndpointHarness.HexOf(image.Manifest.ImageMac)).Append("\"}");
            return sb.ToString();
        }

        public static string ChunkArgs(UpdateImage image, int file, int offset)
        {
            return ChunkArgs(image.Version, file, offset, System.Convert.ToBase64String(image.Files[file], offset, image.LengthAt(file, offset)));
        }

        public static string ChunkArgs(string version, int file, int offset, string data)
        {
            return "{\"version\":\"" + version + "\",\"file\":" + file + ",\"offset\":" + offset + ",\"data\":\"" + data + "\"}";
        }

        /// <summary>Sends update.begin from the province; the result text.</summary>
        public string Begin(UpdateImage image)
        {
            return H.Send(H.Province("update.begin", BeginArgs(image)));
        }

        /// <summary>Sends chunk <paramref name="index"/> (transfer order) from the province; the result text.</summary>
        public string Chunk(UpdateImage image, int index)
        {
            int file;
            int offset;
            image.Locate(index, out file, out offset);
            return H.Send(H.Province("update.chunk", ChunkArgs(image, file, offset)));
        }

        public string Commit(string version)
        {
            return H.Send(H.Province("update.commit", "{\"version\":\"" + version + "\"}"));
        }

        /// <summary>The chunk index (transfer order) of the next chunk a result's "update" member asks for.</summary>
        public static int NextIndex(UpdateImage image, string result)
        {
            int file = NumberAfter(result, "\"file\":");
            int offset = NumberAfter(result, "\"offset\":");
            int index = 0;
            for (int f = 0; f < file; f++)
            {
                index += (image.Files[f].Length + image.ChunkSize - 1) / image.ChunkSize;
            }

            return index + offset / image.ChunkSize;
        }

        /// <summary>The expected "update" member of a result.</summary>
        public static string Progress(string state, string running, string pending, int file, int offset)
        {
            return ",\"update\":{\"state\":\"" + state + "\",\"running\":\"" + running + "\",\"pending\":" + (pending == null ? "null" : "\"" + pending + "\"") +
                ",\"file\":" + file + ",\"offset\":" + offset + "}}";
        }

        private static int NumberAfter(string text, string key)
        {
            int at = text.IndexOf(key);
            if (at < 0)
            {
                return -1;
            }

            at += key.Length;
            int value = 0;
            while (at < text.Length && text[at] >= '0' && text[at] <= '9')
            {
                value = value * 10 + (text[at] - '0');
                at++;
            }

            return value;
        }
    }
}
