using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace LoyaltyHealth.Tests.XrmSdk
{
    // Renders the public and protected surface of SDK types, one line per type and per member, in a form
    // that is the same for the stand-in and for the official assembly: binding depends only on what is
    // written here (names, signatures, declaring type, base type, interfaces, virtual or not).
    internal static class ApiSurface
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        public static IEnumerable<string> Render(Type type)
        {
            yield return "type " + TypeHeader(type);
            string owner = Name(type);
            foreach (var constructor in type.GetConstructors(Declared).Where(c => Visible(c)))
            {
                yield return $"{owner}::.ctor({Parameters(constructor)}) {Access(constructor)}";
            }

            foreach (var method in type.GetMethods(Declared).Where(m => Visible(m)))
            {
                string generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
                yield return $"{owner}::{method.Name}{generic}({Parameters(method)}) : {Name(method.ReturnType)} {Access(method)}{Modifiers(method)}";
            }

            foreach (var field in type.GetFields(Declared).Where(f => !f.IsSpecialName && (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly)))
            {
                yield return type.IsEnum
                    ? $"{owner}::{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}"
                    : $"{owner}::{field.Name} : {Name(field.FieldType)}{(field.IsStatic ? " static" : string.Empty)}";
            }
        }

        private static string TypeHeader(Type type)
        {
            string kind = type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : "class";
            string modifiers = type.IsInterface || type.IsEnum ? string.Empty : (type.IsAbstract ? " abstract" : string.Empty) + (type.IsSealed ? " sealed" : string.Empty);
            string baseType = type.BaseType == null || type.IsEnum ? string.Empty : " : " + Name(type.BaseType);
            var interfaces = type.GetInterfaces().Select(Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            return $"{Name(type)} | {kind}{modifiers}{baseType}" + (interfaces.Count == 0 ? string.Empty : " implements " + string.Join(", ", interfaces));
        }

        private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

        private static string Access(MethodBase method) => method.IsPublic ? "public" : method.IsFamily ? "protected" : "protected internal";

        private static string Modifiers(MethodInfo method)
        {
            if (method.IsStatic)
            {
                return " static";
            }

            if (method.IsAbstract)
            {
                return " abstract";
            }

            if (method.IsVirtual && !method.IsFinal)
            {
                return method.GetBaseDefinition().DeclaringType == method.DeclaringType ? " virtual" : " override";
            }

            return string.Empty;
        }

        private static string Parameters(MethodBase method) =>
            string.Join(", ", method.GetParameters().Select(p =>
                (p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty)
                + (p.ParameterType.IsByRef ? (p.IsOut ? "out " : "ref ") + Name(p.ParameterType.GetElementType()!) : Name(p.ParameterType))));

        public static string Name(Type type)
        {
            if (type.IsGenericParameter)
            {
                return type.Name;
            }

            if (type.IsArray)
            {
                return Name(type.GetElementType()!) + "[]";
            }

            string name = (type.Namespace == null ? string.Empty : type.Namespace + ".") + (type.IsNested ? Name(type.DeclaringType!) + "+" : string.Empty) + type.Name;
            if (!type.IsGenericType)
            {
                return name;
            }

            return name.Substring(0, name.IndexOf('`')) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }
    }
}
