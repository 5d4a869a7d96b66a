using System;
using System.Device.Gpio;
using System.Reflection;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Device
{
    /// <summary>
    /// The resident loader (docs/protocol.md §8): the part of the deployed application that runs before any updated
    /// code. <see cref="Program.Main"/> has already driven every relay to off; the loader asks the update record which
    /// slot to boot — <see cref="UpdateManager.Boot"/> counts a boot of a version on trial before anything of it is
    /// loaded, so a version that crashes while loading still runs out of boots — then loads that slot's <c>.pe</c>
    /// files from <c>I:\upd\slotN\</c> with <c>Assembly.Load(byte[])</c> and calls the application's entry point,
    /// <c>CommuneRadio.Program.Start(int bootedSlot, GpioController gpio, GpioPin[] relayPins)</c>, found by reflection:
    /// the loader references nothing of what it loads (every reference would bind to the deployed assembly of that name).
    /// <para>
    /// Which slot: the deployed application (<see cref="UpdateManager.BuiltIn"/>) when nothing was updated, and also
    /// when the record cannot be read (Boot keeps the built-in defaults then). A slot that does not load: on trial,
    /// rolled back (<c>load-failed</c>) and restarted into the previous slot; the active slot itself, the deployed
    /// application instead — never a loop of restarts.
    /// </para>
    /// <para>
    /// From nanoFramework's sources (read with the look-up tools): <c>Assembly.Load(byte[])</c> is
    /// nanoframework/CoreLibrary <c>nanoFramework.CoreLibrary/System/Reflection/Assembly.cs</c> (commit b7b881d), an
    /// internal call whose native side, nanoframework/nf-interpreter a3e8139
    /// <c>src/CLR/CorLib/corlib_native_System_Reflection_Assembly.cpp</c>
    /// (<c>Load___STATIC__SystemReflectionAssembly__SZARRAY_U1</c>), links the assembly over the array it is given —
    /// so each file's bytes stay in the heap for the whole run, read once into an array of exactly its size — runs the
    /// loaded assembly's static constructors, throws (<c>CLR_E_INVALID_PARAMETER</c>) for an image whose header is not
    /// a good assembly (since 6fcdd9881, 2021; d53a334 returned null: both are handled below) and fails with
    /// <c>CLR_E_BUSY</c> for one flagged as needing a reboot; <c>Assembly.GetType(string)</c> looks only in that
    /// assembly. A reference from a loaded file binds to the first loaded assembly of that name and major.minor version
    /// (<c>FindAssembly</c> in <c>src/CLR/Core/TypeSystem.cpp</c>), i.e. the deployed one: a slot that needs another
    /// major.minor of a package does not link and is rolled back. <c>Type.GetMethod(string)</c> and
    /// <c>MethodBase.Invoke(object, object[])</c> are in nanoFramework.CoreLibrary 1.17.11's mscorlib (its
    /// <c>lib/mscorlib.xml</c>). Nothing is ever unloaded: a new version is loaded only by restarting.
    /// </para>
    /// </summary>
    public static class ResidentLoader
    {
        /// <summary>The type holding the entry point in an application slot.</summary>
        public const string EntryType = "CommuneRadio.Program";

        /// <summary>The entry point: <c>public static void Start(int bootedSlot, GpioController gpio, GpioPin[] relayPins)</c>.</summary>
        public const string EntryMethod = "Start";

        /// <summary>
        /// Counts the boot and returns the slot to run (<see cref="UpdateManager.BuiltIn"/> for the deployed
        /// application). The manager is the loader's own, over the station's records and the slot files.
        /// </summary>
        public static int BootSlot(UpdateManager update)
        {
            int slot = update.Boot();
            BootLog.Line(slot == UpdateManager.BuiltIn ? "loader: deployed application " + update.RunningVersion : "loader: slot " + slot.ToString() + ", version " + update.RunningVersion);
            return slot;
        }

        /// <summary>
        /// Loads <paramref name="slot"/> and runs its application (this call returns only if the application does).
        /// False when it could not be loaded and the deployed application must run instead; a slot on trial that does
        /// not load is rolled back and the station restarted instead of returning.
        /// </summary>
        public static bool TryRun(UpdateManager update, int slot, GpioController gpio, GpioPin[] relayPins)
        {
            MethodInfo entry = Load(update.FilesOf(slot), slot);
            if (entry == null)
            {
                update.LoadFailed();
                if (update.RebootRequested)
                {
                    BootLog.Line("loader: slot " + slot.ToString() + " does not load: rolled back, restarting into the previous version");
                    PowerReboot.Reboot(null, "update-load-failed");
                }

                BootLog.Line("loader: slot " + slot.ToString() + " does not load: running the deployed application");
                return false;
            }

            try
            {
                entry.Invoke(null, new object[] { slot, gpio, relayPins });
            }
            catch (Exception)
            {
                // The application itself failed after it started: restart. A version on trial has this boot counted
                // already and is rolled back when it runs out of boots or of time.
                BootLog.Line("loader: the application of slot " + slot.ToString() + " stopped with an exception: restarting");
                PowerReboot.Reboot(null, "app-exception");
            }

            return true;
        }

        // Every file of the slot loaded in order; the entry point from the assembly that has it, or null.
        private static MethodInfo Load(string[] names, int slot)
        {
            MethodInfo entry = null;
            string current = null;
            try
            {
                for (int i = 0; i < names.Length; i++)
                {
                    current = names[i];
                    byte[] pe = FlashStorage.ReadFile(FileUpdateStorage.PathOf(UpdateManager.SlotFile(slot, names[i])));
                    Assembly assembly = pe == null ? null : Assembly.Load(pe);
                    if (assembly == null)
                    {
                        BootLog.Line("loader: " + names[i] + " is missing or not an assembly");
                        return null;
                    }

                    Type type = assembly.GetType(EntryType);
                    if (type != null)
                    {
                        entry = type.GetMethod(EntryMethod);
                    }
                }
            }
            catch (Exception)
            {
                BootLog.Line("loader: " + current + " did not load (Assembly.Load threw)");
                return null;
            }

            if (entry == null)
            {
                BootLog.Line("loader: no " + EntryType + "." + EntryMethod + " in the slot");
            }

            return entry;
        }
    }
}
