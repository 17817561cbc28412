using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    internal sealed record ImageFile(string Alias, int Type, IReadOnlyList<string> Columns, string MessageProperty);

    internal sealed record StepFile(string File, Guid Id, string Name, string ExportKey, Guid MessageId,
        string Table, int Stage, int Mode, int Rank, bool AsyncAutoDelete, IReadOnlyList<string> Filtering, IReadOnlyList<ImageFile> Images)
    {
        /// <summary>The plugin class the export key resolves to in the plugin package, as the import resolves it.</summary>
        public string TypeName => SolutionModel.PackageIndex.Find(ExportKey)?.TypeFullName ?? "(export key " + ExportKey + " resolves to no plugin class)";
        public string Message => SolutionModel.Messages.TryGetValue(MessageId, out var name) ? name : "(unknown message " + MessageId + ")";
    }

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
                    Text("PluginTypeExportKey"), Guid.Parse(Text("SdkMessageId")), Text("PrimaryEntity"),
                    Number("Stage"), Number("Mode"), Number("Rank"), Text("AsyncAutoDelete") == "1", List(step.Element("FilteringAttributes")?.Value), images);
            }).ToList();

        public static string PackageFile => SolutionSource.Files(SolutionLayout.PluginPackages, SolutionLayout.PluginPackageFile).Single();

        /// <summary>The unique name of the plugin package the steps and Custom APIs bind into.</summary>
        public static string PackageName => (string)SolutionSource.Xml(PackageFile).Attribute("uniquename")!;

        /// <summary>The plugin classes of the package by export key, from the net462 assemblies the pack put into it.</summary>
        public static PluginPackageIndex PackageIndex => PluginPackageIndex.FromMetadata(PackageName, SolutionSource.Packed.Assemblies.Select(a => a.Metadata));

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
            PluginClasses().SelectMany(t => DerivedSteps.Declared(t).Select(r => (t, r))).ToList();

        public static IReadOnlyList<Type> PluginClasses() => DerivedSteps.PluginClasses(typeof(PluginBase).Assembly);

        /// <summary>Plugin classes whose steps are the main operation of a Custom API, bound through the Custom API record instead of a step.</summary>
        public static IReadOnlyList<Type> CustomApiPlugins() =>
            Declared().Where(d => d.Step.Stage == PluginStage.MainOperation).Select(d => d.Plugin).Distinct().ToList();

        public static IReadOnlyList<string> List(string? commaSeparated) =>
            (commaSeparated ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .OrderBy(c => c, StringComparer.Ordinal).ToList();
    }
}
