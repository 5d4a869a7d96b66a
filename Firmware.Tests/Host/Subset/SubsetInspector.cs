using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// Reads a compiled assembly's metadata and IL and lists what the nanoFramework stable line cannot
    /// run (shared/nanoframework.md): generic definitions and instantiations (TypeSpec, MethodSpec,
    /// GenericParam rows), multidimensional arrays (ArrayShape in any signature), Enum reflection,
    /// and types that are generic or async/iterator machinery by nature (<see cref="SubsetRules"/>).
    /// BannedSymbols.*.txt cannot express these, because they are shapes rather than named members.
    /// </summary>
    /// <example>
    /// A method <c>void M() { var l = new List&lt;int&gt;(); }</c> in class C reports
    /// <c>C.M: generic type System.Collections.Generic.List`1&lt;Int32&gt;</c> and
    /// <c>C.M: generic collection System.Collections.Generic.List`1</c>.
    /// </example>
    public static class SubsetInspector
    {
        /// <summary>Every violation in the assembly at <paramref name="assemblyPath"/>, one readable line each, sorted.</summary>
        public static IReadOnlyList<string> Inspect(string assemblyPath)
        {
            using FileStream stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var scan = new Scan(pe, pe.GetMetadataReader());
            scan.Run();
            return scan.Violations.ToList();
        }

        private sealed class Scan
        {
            private readonly PEReader _pe;
            private readonly MetadataReader _md;
            private readonly SignatureShapeProvider _shapes;
            private readonly HashSet<EntityHandle> _seenSpecs = new HashSet<EntityHandle>();

            public Scan(PEReader pe, MetadataReader md)
            {
                _pe = pe;
                _md = md;
                _shapes = new SignatureShapeProvider(md);
            }

            public SortedSet<string> Violations { get; } = new SortedSet<string>(StringComparer.Ordinal);

            public void Run()
            {
                CheckAttributes("<assembly>", _md.GetAssemblyDefinition().GetCustomAttributes());
                CheckAttributes("<module>", _md.GetModuleDefinition().GetCustomAttributes());
                foreach (TypeDefinitionHandle handle in _md.TypeDefinitions)
                {
                    CheckType(handle);
                }

                // Whatever the walk above did not reach is still in the tables: report it against the module.
                foreach (TypeSpecificationHandle spec in Enumerable.Range(1, _md.GetTableRowCount(TableIndex.TypeSpec)).Select(MetadataTokens.TypeSpecificationHandle))
                {
                    if (!_seenSpecs.Contains(spec))
                    {
                        CheckHandle("<module>", spec);
                    }
                }

                foreach (MethodSpecificationHandle spec in Enumerable.Range(1, _md.GetTableRowCount(TableIndex.MethodSpec)).Select(MetadataTokens.MethodSpecificationHandle))
                {
                    if (!_seenSpecs.Contains(spec))
                    {
                        CheckHandle("<module>", spec);
                    }
                }
            }

            private void CheckType(TypeDefinitionHandle handle)
            {
                TypeDefinition type = _md.GetTypeDefinition(handle);
                string where = MetadataNames.Of(_md, handle);
                if (type.GetGenericParameters().Count > 0)
                {
                    Report(where, "generic type definition");
                }

                CheckHandle(where, type.BaseType);
                foreach (InterfaceImplementationHandle impl in type.GetInterfaceImplementations())
                {
                    CheckHandle(where, _md.GetInterfaceImplementation(impl).Interface);
                }

                CheckAttributes(where, type.GetCustomAttributes());
                foreach (FieldDefinitionHandle field in type.GetFields())
                {
                    string at = MetadataNames.Of(_md, field);
                    CheckShape(at, _md.GetFieldDefinition(field).DecodeSignature(_shapes, null));
                    CheckAttributes(at, _md.GetFieldDefinition(field).GetCustomAttributes());
                }

                foreach (PropertyDefinitionHandle property in type.GetProperties())
                {
                    PropertyDefinition p = _md.GetPropertyDefinition(property);
                    CheckSignature(where + "." + _md.GetString(p.Name), p.DecodeSignature(_shapes, null));
                }

                foreach (EventDefinitionHandle e in type.GetEvents())
                {
                    EventDefinition ev = _md.GetEventDefinition(e);
                    CheckHandle(where + "." + _md.GetString(ev.Name), ev.Type);
                }

                foreach (MethodDefinitionHandle method in type.GetMethods())
                {
                    CheckMethod(method);
                }
            }

            private void CheckMethod(MethodDefinitionHandle handle)
            {
                MethodDefinition method = _md.GetMethodDefinition(handle);
                string where = MetadataNames.Of(_md, handle);
                if (method.GetGenericParameters().Count > 0)
                {
                    Report(where, "generic method definition");
                }

                CheckSignature(where, method.DecodeSignature(_shapes, null));
                CheckAttributes(where, method.GetCustomAttributes());
                if (method.RelativeVirtualAddress == 0)
                {
                    return;
                }

                MethodBodyBlock body = _pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    foreach (SignatureShape local in _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_shapes, null))
                    {
                        CheckShape(where, local);
                    }
                }

                foreach (EntityHandle token in IlTokens.Read(body.GetILReader()))
                {
                    CheckHandle(where, token);
                }
            }

            private void CheckAttributes(string where, CustomAttributeHandleCollection attributes)
            {
                foreach (CustomAttributeHandle handle in attributes)
                {
                    CheckHandle(where, _md.GetCustomAttribute(handle).Constructor);
                }
            }

            private void CheckHandle(string where, EntityHandle handle)
            {
                if (handle.IsNil)
                {
                    return;
                }

                switch (handle.Kind)
                {
                    case HandleKind.TypeReference:
                        CheckShape(where, SignatureShape.Named(MetadataNames.Of(_md, (TypeReferenceHandle)handle)));
                        break;
                    case HandleKind.TypeSpecification:
                        _seenSpecs.Add(handle);
                        CheckShape(where, _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_shapes, null));
                        break;
                    case HandleKind.MemberReference:
                        CheckMemberReference(where, (MemberReferenceHandle)handle);
                        break;
                    case HandleKind.MethodSpecification:
                        _seenSpecs.Add(handle);
                        MethodSpecification spec = _md.GetMethodSpecification((MethodSpecificationHandle)handle);
                        string method = MethodName(spec.Method);
                        if (!CompilerLowering.IsLoweredMethodSpec(method, where))
                        {
                            string args = string.Join(",", spec.DecodeSignature(_shapes, null).Select(a => a.Name));
                            Report(where, "generic method instantiation " + method + "<" + args + ">");
                            CheckHandle(where, spec.Method);
                        }

                        break;
                    case HandleKind.StandaloneSignature:
                        StandaloneSignature sig = _md.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                        if (sig.GetKind() == StandaloneSignatureKind.Method)
                        {
                            CheckSignature(where, sig.DecodeMethodSignature(_shapes, null));
                        }

                        break;
                }
            }

            private void CheckMemberReference(string where, MemberReferenceHandle handle)
            {
                MemberReference member = _md.GetMemberReference(handle);
                string name = _md.GetString(member.Name);
                if (member.Parent.Kind == HandleKind.TypeSpecification)
                {
                    _seenSpecs.Add(member.Parent);
                }

                if (CompilerLowering.IsLoweredMember(ParentName(member.Parent), name))
                {
                    return;
                }

                CheckHandle(where, member.Parent);
                if (SubsetRules.IsEnumReflection(ParentName(member.Parent), name))
                {
                    Report(where, "Enum reflection System.Enum." + name);
                }

                if (SubsetRules.IsMissingStringMember(ParentName(member.Parent), name))
                {
                    Report(where, "not in nanoFramework's String: System.String." + name);
                }

                // Generic parameters in a referenced signature (!0, !!0) are reported through the parent
                // TypeSpec or the MethodSpec; named generic types in it still are, through their names.
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    CheckSignature(where, member.DecodeMethodSignature(_shapes, null), genericParametersReported: true);
                }
                else
                {
                    CheckShape(where, member.DecodeFieldSignature(_shapes, null), genericParametersReported: true);
                }
            }

            private string MethodName(EntityHandle method)
            {
                if (method.Kind == HandleKind.MethodDefinition)
                {
                    return MetadataNames.Of(_md, (MethodDefinitionHandle)method);
                }

                MemberReference member = _md.GetMemberReference((MemberReferenceHandle)method);
                return ParentName(member.Parent) + "." + _md.GetString(member.Name);
            }

            private string ParentName(EntityHandle parent)
            {
                switch (parent.Kind)
                {
                    case HandleKind.TypeReference:
                        return MetadataNames.Of(_md, (TypeReferenceHandle)parent);
                    case HandleKind.TypeDefinition:
                        return MetadataNames.Of(_md, (TypeDefinitionHandle)parent);
                    case HandleKind.TypeSpecification:
                        return _md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(_shapes, null).Name;
                    default:
                        return parent.Kind.ToString();
                }
            }

            private void CheckSignature(string where, MethodSignature<SignatureShape> signature, bool genericParametersReported = false)
            {
                CheckShape(where, signature.ReturnType, genericParametersReported);
                foreach (SignatureShape parameter in signature.ParameterTypes)
                {
                    CheckShape(where, parameter, genericParametersReported);
                }
            }

            private void CheckShape(string where, SignatureShape shape, bool genericParametersReported = false)
            {
                bool reportedGeneric = shape.IsGeneric && !genericParametersReported;
                if (reportedGeneric)
                {
                    Report(where, "generic type " + shape.Name);
                }

                if (shape.HasMultidimensionalArray)
                {
                    Report(where, "multidimensional array " + shape.Name);
                }

                foreach (string named in shape.NamedTypes)
                {
                    string why = SubsetRules.WhyUnavailable(named);
                    if (why != null && !(reportedGeneric && why == SubsetRules.GenericType))
                    {
                        Report(where, why + " " + named);
                    }
                }
            }

            private void Report(string where, string what) => Violations.Add(where + ": " + what);
        }
    }
}
