// Stand-ins for nanoFramework.System.Device.Gpio and nanoFramework.System.Device.Adc: only what
// Device/GpioRelayDriver.cs, Device/AdcSensorReader.cs and Program.cs use, in the namespaces and with the signatures
// of nanoframework/System.Device.Gpio and nanoframework/System.Device.Adc. The .NET 10 shared framework has neither
// namespace, so nothing here shadows a desktop type. Never executed (see README.md).
using System;

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        Output,
    }

    public readonly struct PinValue
    {
        public static PinValue Low => throw new NotImplementedException();

        public static PinValue High => throw new NotImplementedException();

        public static bool operator ==(PinValue a, PinValue b) => throw new NotImplementedException();

        public static bool operator !=(PinValue a, PinValue b) => throw new NotImplementedException();

        public override bool Equals(object obj) => throw new NotImplementedException();

        public override int GetHashCode() => throw new NotImplementedException();
    }

    public class GpioController : IDisposable
    {
        public GpioController()
        {
            throw new NotImplementedException();
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }

    public class GpioPin : IDisposable
    {
        public PinValue Read() => throw new NotImplementedException();

        public void Write(PinValue value) => throw new NotImplementedException();

        public void SetPinMode(PinMode mode) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}

namespace System.Device.Adc
{
    public class AdcController
    {
        public AdcController()
        {
            throw new NotImplementedException();
        }

        public AdcChannel OpenChannel(int channelNumber) => throw new NotImplementedException();
    }

    public class AdcChannel
    {
        public int ReadValue() => throw new NotImplementedException();

        public double ReadRatio() => throw new NotImplementedException();
    }
}
