using Microsoft.VisualStudio.TestTools.UnitTesting;

// Integration tests measure keep-alive and reconnect timing against real brokers; running them
// one at a time on a 2-core CI machine keeps those timings honest.
[assembly: DoNotParallelize]
