using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>An unpacked solution in a temporary folder, with step files written in the pac unpack layout.</summary>
    internal sealed class TempSolution : IDisposable
    {
        public static readonly Guid CreateMessage = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8");
        public static readonly Guid UpdateMessage = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8");

        public TempSolution()
        {
            Folder = Path.Combine(Path.GetTempPath(), "loyalty-solution-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(Folder, "SdkMessageProcessingSteps"));
        }

        public string Folder { get; }

        /// <summary>Writes one step file; <paramref name="behaviour"/> becomes the step's unsecure configuration, which tells the probe what to do.</summary>
        public void Step(Guid id, Guid message, string table, int stage, string behaviour, int mode = 0, int rank = 1,
            string? filteringAttributes = null, params (string Alias, int Type, string? Columns)[] images)
        {
            var messageName = message == CreateMessage ? "Create" : "Update";
            var step = new XElement("SdkMessageProcessingStep",
                new XAttribute("Name", $"{typeof(ProbePlugin).FullName}: {messageName} of {table} ({behaviour})"),
                new XAttribute("SdkMessageProcessingStepId", "{" + id + "}"),
                new XElement("PluginTypeName", typeof(ProbePlugin).FullName + ", LoyaltyHealth.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"),
                new XElement("PrimaryEntity", table),
                new XElement("AsyncAutoDelete", 0),
                new XElement("Configuration", behaviour),
                filteringAttributes is null ? null : new XElement("FilteringAttributes", filteringAttributes),
                new XElement("InvocationSource", 0),
                new XElement("Mode", mode),
                new XElement("Rank", rank),
                new XElement("SdkMessageId", message),
                new XElement("EventHandlerTypeCode", 4602),
                new XElement("Stage", stage),
                new XElement("SdkMessageProcessingStepImages", images.Select(i => new XElement("SdkMessageProcessingStepImage",
                    new XAttribute("Name", i.Alias),
                    i.Columns is null ? null : new XElement("Attributes", i.Columns),
                    new XElement("EntityAlias", i.Alias),
                    new XElement("ImageType", i.Type),
                    new XElement("MessagePropertyName", "Target")))));
            new XDocument(step).Save(Path.Combine(Folder, "SdkMessageProcessingSteps", "{" + id + "}.xml"));
        }

        /// <summary>The plugin package the probe's Custom APIs bind into, as the product's do.</summary>
        public const string ProbePackage = "loy_Probe";

        /// <summary>A Custom API served by the probe, bound by export key to the probe in the plugin package.</summary>
        public void CustomApi(string uniqueName)
        {
            var packageFolder = Path.Combine(Folder, "pluginpackages", ProbePackage);
            Directory.CreateDirectory(packageFolder);
            new XDocument(new XElement("pluginpackage", new XAttribute("uniquename", ProbePackage),
                new XElement("exportkeyversion", 1), new XElement("name", ProbePackage))).Save(Path.Combine(packageFolder, "pluginpackage.xml"));
            var folder = Path.Combine(Folder, "customapis", uniqueName);
            Directory.CreateDirectory(folder);
            new XDocument(new XElement("customapi", new XAttribute("uniquename", uniqueName),
                new XElement("bindingtype", 0),
                new XElement("boundentitylogicalname"),
                new XElement("plugintypeid", new XElement("plugintypeexportkey",
                    LoyaltyHealth.Pipeline.Registration.PluginTypeExportKey.Of(ProbePackage, typeof(ProbePlugin).Assembly.GetName().Name!, typeof(ProbePlugin).FullName!)))))
                .Save(Path.Combine(folder, "customapi.xml"));
        }

        public void Dispose()
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
    }
}
