using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using LoyaltyHealth.Plugins.Framework;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>A step file derived from a plugin's declared registration.</summary>
    public sealed record DerivedStep(Guid Id, string FileName, Type Plugin, StepRegistration Registration, XElement Xml);

    /// <summary>
    /// Derives the solution's step files (SdkMessageProcessingSteps/{id}.xml) from the steps each plugin
    /// class declares in its constructor, so a step is declared once, in code. Each file binds to the
    /// plugin package's type by export key, as current exports do; ids are name-based, so regenerating
    /// gives the same files. Custom API plugins get no step: their Custom API record binds them.
    /// Elements follow the published schema's order (which puts SdkMessageId after Rank; exports write it
    /// first, and the import reads elements by name), with PluginTypeExportKey where PluginTypeName stood.
    /// </summary>
    public static class DerivedSteps
    {
        public const int EventHandlerPluginType = 4602;
        private static readonly Guid StepSpace = new("5c1b5f0e-7a53-4b0c-9d8e-4c6f2a1d9e01");
        private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        /// <summary>Every plugin class (a concrete <see cref="PluginBase"/>) of the assembly, in name order.</summary>
        public static IReadOnlyList<Type> PluginClasses(Assembly assembly) =>
            assembly.GetExportedTypes()
                .Where(t => t.IsClass && !t.IsAbstract && typeof(PluginBase).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();

        public static IReadOnlyList<StepRegistration> Declared(Type plugin) =>
            ((PluginBase)Activator.CreateInstance(plugin)!).Registrations;

        public static IReadOnlyList<DerivedStep> From(Assembly pluginAssembly, string packageUniqueName, string introducedVersion)
        {
            var assemblyName = pluginAssembly.GetName().Name!;
            return PluginClasses(pluginAssembly)
                .SelectMany(plugin => Declared(plugin)
                    .Where(step => step.Stage != PluginStage.MainOperation)
                    .Select(step => Derive(plugin, step, PluginTypeExportKey.Of(packageUniqueName, assemblyName, plugin.FullName!), introducedVersion)))
                .OrderBy(s => s.FileName, StringComparer.Ordinal)
                .ToList();
        }

        public static string StepName(Type plugin, StepRegistration step) => $"{plugin.FullName}: {step.Message} of {step.Table}";

        private static DerivedStep Derive(Type plugin, StepRegistration step, string exportKey, string introducedVersion)
        {
            var name = StepName(plugin, step);
            var id = DeterministicGuid.Create(StepSpace, $"{name} | stage {(int)step.Stage}");
            var messageId = SdkMessageIds.IdOf(step.Message)
                ?? throw new InvalidOperationException($"{name}: {step.Message} has no fixed SdkMessage id; a step file could not name it.");
            var asynchronous = step.Mode == ExecutionMode.Asynchronous;
            var xml = new XElement("SdkMessageProcessingStep",
                new XAttribute("Name", name),
                new XAttribute("SdkMessageProcessingStepId", Braced(id)),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XElement("PluginTypeExportKey", exportKey),
                new XElement("PrimaryEntity", step.Table ?? "none"),
                // Successful system jobs of an asynchronous step would otherwise pile up in the environment.
                new XElement("AsyncAutoDelete", asynchronous ? 1 : 0),
                new XElement("Description", $"Loyalty Health: {step.Message} of {step.Table}, {step.Stage}, {(asynchronous ? "asynchronous" : "synchronous")}."),
                step.FilteringAttributes.Count == 0 ? null : new XElement("FilteringAttributes", string.Join(",", step.FilteringAttributes)),
                new XElement("InvocationSource", 0),
                new XElement("Mode", (int)step.Mode),
                new XElement("Rank", 1),
                new XElement("SdkMessageId", messageId.ToString("D")),
                new XElement("EventHandlerTypeCode", EventHandlerPluginType),
                new XElement("Stage", (int)step.Stage),
                new XElement("IsCustomizable", 1),
                new XElement("IsHidden", 0),
                new XElement("SupportedDeployment", 0),
                new XElement("IntroducedVersion", introducedVersion),
                step.Images.Count == 0 ? null : new XElement("SdkMessageProcessingStepImages", step.Images.Select(image => new XElement("SdkMessageProcessingStepImage",
                    new XAttribute("Name", image.Alias),
                    new XElement("SdkMessageProcessingStepImageId", Braced(DeterministicGuid.Create(id, "image " + image.Alias))),
                    new XElement("Attributes", string.Join(",", image.Columns)),
                    new XElement("EntityAlias", image.Alias),
                    new XElement("ImageType", (int)image.Type),
                    new XElement("MessagePropertyName", ImageMessageProperty(step.Message)),
                    new XElement("IsCustomizable", 1)))));
            return new DerivedStep(id, Braced(id) + ".xml", plugin, step, xml);
        }

        /// <summary>
        /// The request property an image is taken from: a Create's post-image from its "Id" output (the new row),
        /// every other message's from its "Target". The Plugin Registration Tool and public registration tools
        /// (spkl, XrmFramework) write "Id" for Create.
        /// </summary>
        private static string ImageMessageProperty(string message) =>
            string.Equals(message, MessageNames.Create, StringComparison.Ordinal) ? "Id" : ContextKeys.Target;

        private static string Braced(Guid id) => "{" + id.ToString("D") + "}";
    }
}
