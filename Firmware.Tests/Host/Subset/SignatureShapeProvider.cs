using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>Decodes signatures into <see cref="SignatureShape"/>s for <see cref="SubsetInspector"/>.</summary>
    internal sealed class SignatureShapeProvider : ISignatureTypeProvider<SignatureShape, object>
    {
        public SignatureShapeProvider(MetadataReader reader)
        {
            Reader = reader;
        }

        public MetadataReader Reader { get; }

        public SignatureShape GetPrimitiveType(PrimitiveTypeCode typeCode) => new SignatureShape(typeCode.ToString());

        public SignatureShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            SignatureShape.Named(MetadataNames.Of(reader, handle));

        public SignatureShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            SignatureShape.Named(MetadataNames.Of(reader, handle));

        public SignatureShape GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public SignatureShape GetSZArrayType(SignatureShape elementType) => SignatureShape.Wrap(elementType.Name + "[]", elementType);

        public SignatureShape GetArrayType(SignatureShape elementType, ArrayShape shape) =>
            SignatureShape.Wrap(elementType.Name + "[" + new string(',', shape.Rank - 1) + "]", elementType).MarkMultidimensional();

        public SignatureShape GetByReferenceType(SignatureShape elementType) => SignatureShape.Wrap(elementType.Name + "&", elementType);

        public SignatureShape GetPointerType(SignatureShape elementType) => SignatureShape.Wrap(elementType.Name + "*", elementType);

        public SignatureShape GetPinnedType(SignatureShape elementType) => SignatureShape.Wrap(elementType.Name + " pinned", elementType);

        /// <summary>Keeps the modifier's type among the named types: <c>volatile</c> is <c>modreq(IsVolatile)</c>.</summary>
        public SignatureShape GetModifiedType(SignatureShape modifier, SignatureShape unmodifiedType, bool isRequired) =>
            SignatureShape.Wrap(unmodifiedType.Name, unmodifiedType, modifier);

        public SignatureShape GetGenericInstantiation(SignatureShape genericType, ImmutableArray<SignatureShape> typeArguments)
        {
            string name = genericType.Name + "<" + string.Join(",", typeArguments.Select(a => a.Name)) + ">";
            return SignatureShape.Wrap(name, typeArguments.Add(genericType).ToArray()).MarkGeneric();
        }

        public SignatureShape GetGenericTypeParameter(object genericContext, int index) => new SignatureShape("!" + index).MarkGeneric();

        public SignatureShape GetGenericMethodParameter(object genericContext, int index) => new SignatureShape("!!" + index).MarkGeneric();

        public SignatureShape GetFunctionPointerType(MethodSignature<SignatureShape> signature) =>
            SignatureShape.Wrap("method pointer", signature.ParameterTypes.Add(signature.ReturnType).ToArray());
    }
}
