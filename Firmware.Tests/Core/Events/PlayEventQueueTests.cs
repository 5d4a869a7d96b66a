using CommuneRadio.Core.Events;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Events
{
    [TestClass]
    public class PlayEventQueueTests
    {
        private static PlayEvent Ev(long sequence)
        {
            PlayEvent e = new PlayEvent();
            e.Sequence = sequence;
            e.Kind = PlayEventKind.Started;
            e.ProgrammeId = "p" + sequence.ToString();
            return e;
        }

        [TestMethod]
        public void New_Empty_HasNothingToPeekOrDequeue()
        {
            PlayEventQueue q = new PlayEventQueue(4);
            Assert.AreEqual(0, q.Count);
            Assert.AreEqual(4, q.Capacity);
            Assert.AreEqual(0L, q.Dropped);
            PlayEvent e;
            Assert.IsFalse(q.TryPeek(out e));
            Assert.IsNull(e);
            Assert.IsNull(q.Dequeue());
            Assert.IsNull(q.PeekAt(0));
            Assert.AreEqual(0, q.Count);
        }

        [TestMethod]
        public void Dequeue_AfterEnqueues_ReturnsInFifoOrder()
        {
            PlayEventQueue q = new PlayEventQueue(4);
            PlayEvent a = Ev(1);
            PlayEvent b = Ev(2);
            PlayEvent c = Ev(3);
            q.Enqueue(a);
            q.Enqueue(b);
            q.Enqueue(c);
            Assert.AreEqual(3, q.Count);
            Assert.AreSame(a, q.Dequeue());
            Assert.AreSame(b, q.Dequeue());
            Assert.AreSame(c, q.Dequeue());
            Assert.IsNull(q.Dequeue());
            Assert.AreEqual(0, q.Count);
            Assert.AreEqual(0L, q.Dropped);
        }

        [TestMethod]
        public void TryPeek_NonEmpty_ReturnsOldestWithoutRemoving()
        {
            PlayEventQueue q = new PlayEventQueue(4);
            PlayEvent a = Ev(1);
            q.Enqueue(a);
            q.Enqueue(Ev(2));
            PlayEvent e;
            Assert.IsTrue(q.TryPeek(out e));
            Assert.AreSame(a, e);
            Assert.IsTrue(q.TryPeek(out e));
            Assert.AreSame(a, e);
            Assert.AreEqual(2, q.Count);
        }

        [TestMethod]
        public void Enqueue_WhenFull_DropsOldestAndCountsIt()
        {
            PlayEventQueue q = new PlayEventQueue(3);
            for (long i = 1; i <= 5; i++)
            {
                q.Enqueue(Ev(i));
            }

            Assert.AreEqual(3, q.Count);
            Assert.AreEqual(2L, q.Dropped);
            Assert.AreEqual(3L, q.Dequeue().Sequence);
            Assert.AreEqual(4L, q.Dequeue().Sequence);
            Assert.AreEqual(5L, q.Dequeue().Sequence);
            Assert.IsNull(q.Dequeue());
            Assert.AreEqual(2L, q.Dropped, "dequeuing does not change the dropped count");
        }

        [TestMethod]
        public void PeekAt_AfterWrapAround_IndexesFromOldest()
        {
            PlayEventQueue q = new PlayEventQueue(3);
            q.Enqueue(Ev(1));
            q.Enqueue(Ev(2));
            q.Dequeue();
            q.Enqueue(Ev(3));
            q.Enqueue(Ev(4)); // the ring has wrapped: storage order is 4, 2(removed), 3
            Assert.AreEqual(2L, q.PeekAt(0).Sequence);
            Assert.AreEqual(3L, q.PeekAt(1).Sequence);
            Assert.AreEqual(4L, q.PeekAt(2).Sequence);
            Assert.IsNull(q.PeekAt(3));
            Assert.AreEqual(3, q.Count);
        }

        [TestMethod]
        public void PeekAt_OutOfRange_ReturnsNull()
        {
            PlayEventQueue q = new PlayEventQueue(3);
            q.Enqueue(Ev(1));
            Assert.IsNull(q.PeekAt(1));
            Assert.IsNull(q.PeekAt(2));
            Assert.IsNull(q.PeekAt(-1));
        }

        [TestMethod]
        public void Enqueue_ManyTimesPastCapacity_KeepsNewestInOrder()
        {
            PlayEventQueue q = new PlayEventQueue(5);
            long next = 1;
            long lastDequeued = 0;
            for (int round = 0; round < 50; round++)
            {
                // Enqueue 3, dequeue 2: the queue fills after a few rounds, then drops while it keeps wrapping.
                q.Enqueue(Ev(next++));
                q.Enqueue(Ev(next++));
                q.Enqueue(Ev(next++));
                for (int k = 0; k < 2; k++)
                {
                    PlayEvent e = q.Dequeue();
                    Assert.IsTrue(e.Sequence > lastDequeued, "dequeued in increasing order");
                    lastDequeued = e.Sequence;
                }

                for (int i = 1; i < q.Count; i++)
                {
                    Assert.AreEqual(q.PeekAt(i - 1).Sequence + 1, q.PeekAt(i).Sequence);
                }

                Assert.AreEqual(next - 1, q.PeekAt(q.Count - 1).Sequence, "the newest event is never dropped");
            }

            Assert.AreEqual(3, q.Count);
            Assert.IsTrue(q.Dropped > 0);
        }

        [TestMethod]
        public void Enqueue_DroppedPlusDequeuedPlusHeld_EqualsEnqueued()
        {
            PlayEventQueue q = new PlayEventQueue(4);
            long enqueued = 0;
            long dequeued = 0;
            for (int i = 0; i < 200; i++)
            {
                q.Enqueue(Ev(i));
                enqueued++;
                if (i % 3 == 0 && q.Dequeue() != null)
                {
                    dequeued++;
                }
            }

            Assert.AreEqual(enqueued, q.Dropped + dequeued + q.Count);
        }

        [TestMethod]
        public void Enqueue_CapacityOne_KeepsOnlyNewest()
        {
            PlayEventQueue q = new PlayEventQueue(1);
            q.Enqueue(Ev(1));
            q.Enqueue(Ev(2));
            Assert.AreEqual(1, q.Count);
            Assert.AreEqual(1L, q.Dropped);
            Assert.AreEqual(2L, q.PeekAt(0).Sequence);
        }

        [TestMethod]
        public void CountDropped_AddsToDroppedCount()
        {
            PlayEventQueue q = new PlayEventQueue(1);
            q.CountDropped(7);
            q.Enqueue(Ev(1));
            q.Enqueue(Ev(2));
            Assert.AreEqual(8L, q.Dropped);
        }
    }
}
