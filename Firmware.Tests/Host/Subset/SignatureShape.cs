using System.Collections.Generic;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// A type as it appears in a metadata signature, reduced to what the nanoFramework subset cares
    /// about: a readable name, whether it involves generics or multidimensional arrays, and the full
    /// names of every named type inside it, modifiers included (so <c>Task[]</c> still names Task and a
    /// <c>volatile</c> field names IsVolatile).
    /// </summary>
    internal sealed class SignatureShape
    {
        public SignatureShape(string name)
        {
            Name = name;
        }

        public string Name { get; }

        /// <summary>A generic instantiation or a generic parameter occurs somewhere in the type.</summary>
        public bool IsGeneric { get; private set; }

        /// <summary>An array with an ArrayShape (<c>int[,]</c>) occurs somewhere in the type.</summary>
        public bool HasMultidimensionalArray { get; private set; }

        public List<string> NamedTypes { get; } = new List<string>();

        public static SignatureShape Named(string fullName)
        {
            var shape = new SignatureShape(fullName);
            shape.NamedTypes.Add(fullName);
            return shape;
        }

        public static SignatureShape Wrap(string name, params SignatureShape[] parts)
        {
            var shape = new SignatureShape(name);
            foreach (SignatureShape part in parts)
            {
                shape.IsGeneric |= part.IsGeneric;
                shape.HasMultidimensionalArray |= part.HasMultidimensionalArray;
                shape.NamedTypes.AddRange(part.NamedTypes);
            }

            return shape;
        }

        public SignatureShape MarkGeneric()
        {
            IsGeneric = true;
            return this;
        }

        public SignatureShape MarkMultidimensional()
        {
            HasMultidimensionalArray = true;
            return this;
        }
    }
}
