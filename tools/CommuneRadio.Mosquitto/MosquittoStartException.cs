using System;

namespace CommuneRadio.Mosquitto
{
    /// <summary>mosquitto exited before it listened (bad configuration, port taken).</summary>
    public sealed class MosquittoStartException : Exception
    {
        /// <summary>Creates an exception with no message.</summary>
        public MosquittoStartException()
        {
        }

        /// <summary>Creates an exception with a message (including mosquitto's log).</summary>
        public MosquittoStartException(string message)
            : base(message)
        {
        }

        /// <summary>Creates an exception with a message and inner error.</summary>
        public MosquittoStartException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
