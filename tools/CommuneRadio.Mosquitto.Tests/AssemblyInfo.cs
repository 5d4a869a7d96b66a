using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each test starts and kills Mosquitto processes; one at a time keeps a 2-core CI machine honest.
[assembly: DoNotParallelize]
