using System.Collections;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Runtime;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// An in-memory <see cref="ITransport"/>: every attempt finishes at once (its outcome is read at the runtime's next
    /// pass) and succeeds unless <see cref="FailConnects"/>; records the options, the attempt times (set <see cref="NowMs"/>
    /// before each pass), subscriptions and published messages; <see cref="Drop"/> loses the connection.
    /// </summary>
    public sealed class FakeTransport : ITransport
    {
        private ConnectOutcome _outcome;
        private bool _closed;

        /// <summary>Attempts fail while true.</summary>
        public bool FailConnects;

        /// <summary>Publish refuses while true.</summary>
        public bool RefusePublish;

        /// <summary>The test's clock, for <see cref="AttemptTimes"/>.</summary>
        public long NowMs;

        /// <summary>The options of the last attempt.</summary>
        public ConnectOptions Options;

        /// <summary>Monotonic ms of each attempt (boxed longs).</summary>
        public ArrayList AttemptTimes = new ArrayList();

        /// <summary>Each Subscribe call's topics (string[]).</summary>
        public ArrayList Subscriptions = new ArrayList();

        /// <summary>Every published message, in order (OutgoingMessage).</summary>
        public ArrayList Published = new ArrayList();

        /// <summary>Connected now.</summary>
        public bool IsConnected { get; private set; }

        /// <summary>Records the attempt; the outcome is taken at the next pass.</summary>
        public bool Connect(ConnectOptions options)
        {
            Options = options;
            AttemptTimes.Add(NowMs);
            IsConnected = !FailConnects;
            _outcome = FailConnects ? ConnectOutcome.Failed : ConnectOutcome.Connected;
            return true;
        }

        /// <summary>The outcome once.</summary>
        public ConnectOutcome TakeOutcome()
        {
            ConnectOutcome o = _outcome;
            _outcome = ConnectOutcome.None;
            return o;
        }

        /// <summary>The close flag once.</summary>
        public bool TakeClosed()
        {
            bool c = _closed;
            _closed = false;
            return c;
        }

        /// <summary>Records the topics.</summary>
        public bool Subscribe(string[] topics)
        {
            if (!IsConnected)
            {
                return false;
            }

            Subscriptions.Add(topics);
            return true;
        }

        /// <summary>Records the message unless refusing or disconnected.</summary>
        public bool Publish(OutgoingMessage message)
        {
            if (!IsConnected || RefusePublish)
            {
                return false;
            }

            Published.Add(message);
            return true;
        }

        /// <summary>The connection is lost (the client's close callback).</summary>
        public void Drop()
        {
            IsConnected = false;
            _closed = true;
        }

        /// <summary>The published message at <paramref name="index"/>.</summary>
        public OutgoingMessage At(int index)
        {
            return (OutgoingMessage)Published[index];
        }

        /// <summary>How many published messages went to <paramref name="topic"/>.</summary>
        public int CountOn(string topic)
        {
            int n = 0;
            for (int i = 0; i < Published.Count; i++)
            {
                if (At(i).Topic == topic)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
