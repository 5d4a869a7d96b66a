using CommuneRadio.Core.Text;

namespace CommuneRadio.Core.Arbitration
{
    /// <summary>
    /// Decides which programme holds the speakers. Ranking is (class, issuer level), higher first. A tie keeps
    /// what is already on air (no flapping between equals); among waiting equals, a preempted programme
    /// resumes before a fresh one, then first come first served, then ordinal id (deterministic).
    /// <para>Example: a commune normal slot is on air; a provincial priority notice arrives → it preempts;
    /// a national emergency arrives → it preempts both; when it ends the notice resumes, then the slot.</para>
    /// </summary>
    public static class Arbiter
    {
        /// <summary>Ranking key: higher wins.</summary>
        public static int Rank(Programme p)
        {
            return (int)p.Class * 16 + (int)p.Level;
        }

        /// <summary>
        /// True when <paramref name="challenger"/> should hold the speakers rather than <paramref name="holder"/>,
        /// where <paramref name="holder"/> is the better one found so far (or the one on air).
        /// </summary>
        public static bool Beats(Programme challenger, Programme holder)
        {
            if (holder == null)
            {
                return true;
            }

            int a = Rank(challenger);
            int b = Rank(holder);
            if (a != b)
            {
                return a > b;
            }

            if (holder.State == ProgrammeState.OnAir || challenger.State == ProgrammeState.OnAir)
            {
                return challenger.State == ProgrammeState.OnAir;
            }

            if (challenger.EverStarted != holder.EverStarted)
            {
                return challenger.EverStarted;
            }

            if (challenger.SinceMonotonicMs != holder.SinceMonotonicMs)
            {
                return challenger.SinceMonotonicMs < holder.SinceMonotonicMs;
            }

            return Ordinal.Compare(challenger.Id, holder.Id) < 0;
        }
    }
}
