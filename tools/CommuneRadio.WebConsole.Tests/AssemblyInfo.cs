using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each test starts a Mosquitto, simulated stations, the server and a browser page; one at a time on a shared 2-core machine.
[assembly: DoNotParallelize]
