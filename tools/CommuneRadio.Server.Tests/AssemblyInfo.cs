using Microsoft.VisualStudio.TestTools.UnitTesting;

// The integration tests each start a Mosquitto and simulated stations; one at a time on a shared 2-core machine.
[assembly: DoNotParallelize]
