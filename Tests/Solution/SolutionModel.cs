using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Plugins.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    internal sealed record ImageFile(string Alias, int Type, IReadOnlyList<string> Columns, string MessageProperty);

    internal sealed record StepFile(string File, Guid Id, string Name, string PluginTypeName, Guid PluginTypeId, Guid MessageId,
        string Table, int Stage, int Mode, int Rank, bool AsyncAutoDelete, IReadOnlyList<string> Filtering, IReadOnlyList<ImageFile> Images)
    {
        /// <summary>The plugin class, without the assembly part of PluginTypeName.</summary>
        public string TypeName => PluginTypeName.Split(',')[0].Trim();
        public string Message => SolutionModel.Messages.TryGetValue(MessageId, out var name) ? name : "(unknown message " + MessageId + ")";
    }

    internal sealed record PluginTypeRecord(string Name, string AssemblyQualifiedName, Guid Id);

    internal sealed record AttributeRecord(string Table, string LogicalName, string Type, XElement Element, string File);

    /// <summary>The solution source read into records the checks compare with the code.</summary>
    internal static class SolutionModel
    {
        /// <summary>Microsoft's fixed SdkMessage ids of the messages the product's steps use.</summary>
        public static readonly IReadOnlyDictionary<Guid, string> Messages = new Dictionary<Guid, string>
        {
            [new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = MessageNames.Create,
            [new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = MessageNames.Update,
            [new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = MessageNames.Delete,
        };

        public static IReadOnlyList<StepFile> Steps() =>
            SolutionSource.Files(SolutionLayout.Steps, "*.xml").Select(file =>
            {
                var step = SolutionSource.Xml(file);
                string Text(string name) => step.Element(name)?.Value ?? throw new FormatException($"{file}: <{name}> is missing");
                int Number(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);
                var images = step.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage")
                    .Select(i => new ImageFile(i.Element("EntityAlias")?.Value ?? "", int.Parse(i.Element("ImageType")?.Value ?? "-1", CultureInfo.InvariantCulture),
                        List(i.Element("Attributes")?.Value), i.Element("MessagePropertyName")?.Value ?? ""))
                    .ToList() ?? new List<ImageFile>();
                return new StepFile(file, Guid.Parse((string)step.Attribute("SdkMessageProcessingStepId")!), (string?)step.Attribute("Name") ?? "",
                    Text("PluginTypeName"), Guid.Parse(Text("PluginTypeId")), Guid.Parse(Text("SdkMessageId")), Text("PrimaryEntity"),
                    Number("Stage"), Number("Mode"), Number("Rank"), Text("AsyncAutoDelete") == "1", List(step.Element("FilteringAttributes")?.Value), images);
            }).ToList();

        public static string AssemblyDataFile => SolutionSource.Files(SolutionLayout.PluginAssemblies, "*" + SolutionLayout.AssemblyDataSuffix).Single();

        public static XElement PluginAssembly => SolutionSource.Xml(AssemblyDataFile);

        public static IReadOnlyList<PluginTypeRecord> PluginTypes() =>
            PluginAssembly.Element("PluginTypes")!.Elements("PluginType")
                .Select(t => new PluginTypeRecord((string)t.Attribute("Name")!, (string)t.Attribute("AssemblyQualifiedName")!, Guid.Parse((string)t.Attribute("PluginTypeId")!)))
                .ToList();

        /// <summary>Every column the solution defines, by table logical name.</summary>
        public static IReadOnlyList<AttributeRecord> Attributes() =>
            SolutionSource.Files(SolutionLayout.Entities, SolutionLayout.EntityFile).SelectMany(file =>
            {
                var entity = SolutionSource.Xml(file).Element("EntityInfo")!.Element("entity")!;
                var table = ((string)entity.Attribute("Name")!).ToLowerInvariant();
                return entity.Element("attributes")!.Elements("attribute")
                    .Select(a => new AttributeRecord(table, a.Element("LogicalName")!.Value, a.Element("Type")!.Value, a, file));
            }).ToList();

        public static AttributeRecord Attribute(string table, string column) =>
            Attributes().SingleOrDefault(a => a.Table == table && a.LogicalName == column)
            ?? throw new KeyNotFoundException($"solution/{SolutionLayout.Entities}: {table} has no column {column}");

        /// <summary>Every plugin class of the assembly with the steps its constructor declares.</summary>
        public static IReadOnlyList<(Type Plugin, StepRegistration Step)> Declared() =>
            PluginClasses().SelectMany(t => ((PluginBase)Activator.CreateInstance(t, new object?[] { null, null })!).Registrations.Select(r => (t, r))).ToList();

        public static IReadOnlyList<Type> PluginClasses() =>
            typeof(PluginBase).Assembly.GetTypes()
                .Where(t => t.IsClass && !t.IsAbstract && typeof(PluginBase).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();

        /// <summary>Plugin classes whose steps are the main operation of a Custom API, bound through the Custom API record instead of a step.</summary>
        public static IReadOnlyList<Type> CustomApiPlugins() =>
            Declared().Where(d => d.Step.Stage == PluginStage.MainOperation).Select(d => d.Plugin).Distinct().ToList();

        public static IReadOnlyList<string> List(string? commaSeparated) =>
            (commaSeparated ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .OrderBy(c => c, StringComparer.Ordinal).ToList();
    }
}
