using System.Collections.Generic;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>Walks a method body's IL and collects its metadata token operands; operand sizes come from <see cref="OpCodes"/>.</summary>
    internal static class IlTokens
    {
        private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
            .GetFields()
            .Select(f => (OpCode)f.GetValue(null))
            .ToDictionary(op => op.Value, op => op.OperandType);

        /// <summary>The metadata tokens an IL stream refers to (operands of call, newobj, ldtoken, box...).</summary>
        public static IReadOnlyList<EntityHandle> Read(BlobReader il)
        {
            var tokens = new List<EntityHandle>();
            while (il.RemainingBytes > 0)
            {
                byte first = il.ReadByte();
                short value = first == 0xFE ? (short)(0xFE00 | il.ReadByte()) : first;
                switch (Operands[value])
                {
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                    case OperandType.InlineSig:
                        tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineString:
                    case OperandType.InlineI:
                    case OperandType.InlineBrTarget:
                    case OperandType.ShortInlineR:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineSwitch:
                        int targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                }
            }

            return tokens;
        }
    }
}
