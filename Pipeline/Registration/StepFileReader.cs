using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>
    /// Reads the step files of an unpacked solution (SdkMessageProcessingSteps/{guid}.xml, as
    /// <c>pac solution unpack</c> writes them). Anything the pipeline would have to guess at is an
    /// error naming the file, so a registration mistake shows up locally rather than in Dataverse.
    /// </summary>
    public static class StepFileReader
    {
        public const string FolderName = "SdkMessageProcessingSteps";

        // The Plugin Registration Tool names a step "<plugin type>: <Message> of <table>".
        private static readonly Regex StepName = new(@"^.+?:\s*(?<message>[^\s:]+)\s+of\s+.+$", RegexOptions.CultureInvariant);

        public static IReadOnlyList<StepDefinition> ReadFolder(string folder) =>
            Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.xml").OrderBy(f => f, StringComparer.Ordinal).Select(ReadFile).ToList()
                : Array.Empty<StepDefinition>();

        public static StepDefinition ReadFile(string path)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(path);
            }
            catch (XmlException e)
            {
                throw new SolutionFormatException(path, "not well-formed XML: " + e.Message, e);
            }
            return Read(document.Root, path);
        }

        public static StepDefinition Read(XElement? root, string source)
        {
            if (root is null || root.Name.LocalName != "SdkMessageProcessingStep")
                throw new SolutionFormatException(source, "the root element must be <SdkMessageProcessingStep>.");

            var name = (string?)root.Attribute("Name") ?? "";
            var step = new StepDefinition
            {
                Id = ParseGuid((string?)root.Attribute("SdkMessageProcessingStepId"), source, "the SdkMessageProcessingStepId attribute"),
                Name = name,
                PluginTypeName = Text(root, "PluginTypeName") is { } qualified ? TypeName(qualified) : "",
                PluginTypeExportKey = Text(root, "PluginTypeExportKey"),
                Message = Message(root, name, source),
                PrimaryEntity = Text(root, "PrimaryEntity") is { Length: > 0 } table && table != "none" ? table : null,
                Stage = Number(root, "Stage", source) ?? throw Missing(source, "Stage"),
                Mode = Number(root, "Mode", source) ?? StepModes.Synchronous,
                Rank = Number(root, "Rank", source) ?? 1,
                FilteringAttributes = Columns(Text(root, "FilteringAttributes")) ?? new HashSet<string>(),
                Images = root.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage").Select(i => Image(i, source)).ToList()
                    ?? new List<ImageDefinition>(),
                UnsecureConfiguration = Text(root, "Configuration"),
                Source = source,
            };
            Validate(step);
            return step;
        }

        /// <summary>"Namespace.Type, Assembly, Version=…" → "Namespace.Type".</summary>
        public static string TypeName(string qualified) => qualified.Split(',')[0].Trim();

        private static void Validate(StepDefinition step)
        {
            if (step.PluginTypeName.Length == 0 && step.PluginTypeExportKey is null)
                throw new SolutionFormatException(step.Source, "the step names no plugin type: it needs <PluginTypeExportKey> (a plugin package's type) or <PluginTypeName> (a plain assembly's).");
            if (step.Stage is not (StepModes.PreValidation or StepModes.PreOperation or StepModes.PostOperation))
                throw new SolutionFormatException(step.Source, $"Stage {step.Stage} is not a stage a plugin step can be registered in (10 PreValidation, 20 PreOperation, 40 PostOperation).");
            if (step.Mode is not (StepModes.Synchronous or StepModes.Asynchronous))
                throw new SolutionFormatException(step.Source, $"Mode {step.Mode} is neither 0 (synchronous) nor 1 (asynchronous).");
            if (step.IsAsynchronous && step.Stage != StepModes.PostOperation)
                throw new SolutionFormatException(step.Source, "asynchronous steps run in PostOperation (40) only.");
            foreach (var image in step.Images)
            {
                if (image.IsPre && step.Message == "Create")
                    throw new SolutionFormatException(step.Source, $"image '{image.Alias}' is a pre-image, which Create does not have.");
                if (image.IsPost && step.Message == "Delete")
                    throw new SolutionFormatException(step.Source, $"image '{image.Alias}' is a post-image, which Delete does not have.");
                if (image.IsPost && step.Stage != StepModes.PostOperation)
                    throw new SolutionFormatException(step.Source, $"image '{image.Alias}' is a post-image on a step in stage {step.Stage}; post-images exist in PostOperation only.");
            }
        }

        private static string Message(XElement root, string name, string source)
        {
            var id = Text(root, "SdkMessageId");
            if (id is not null && SdkMessageIds.NameOf(ParseGuid(id, source, "<SdkMessageId>")) is { } known) return known;
            var match = StepName.Match(name);
            if (match.Success) return match.Groups["message"].Value;
            throw new SolutionFormatException(source,
                $"cannot tell the message: <SdkMessageId> {id ?? "(missing)"} is not a platform message with a fixed id, and the Name '{name}' is not of the form '<plugin type>: <Message> of <table>'.");
        }

        private static ImageDefinition Image(XElement image, string source)
        {
            var alias = Text(image, "EntityAlias") ?? (string?)image.Attribute("Name")
                ?? throw new SolutionFormatException(source, "an image has neither <EntityAlias> nor a Name.");
            var type = Number(image, "ImageType", source) ?? throw Missing(source, $"ImageType of image '{alias}'");
            if (type is < 0 or > 2) throw new SolutionFormatException(source, $"image '{alias}' has ImageType {type}; 0 pre, 1 post and 2 both are the values.");
            return new ImageDefinition(alias, (ImageKind)type, Columns(Text(image, "Attributes")));
        }

        private static IReadOnlySet<string>? Columns(string? list)
        {
            if (string.IsNullOrWhiteSpace(list)) return null;
            return new HashSet<string>(list!.Split(',').Select(c => c.Trim()).Where(c => c.Length > 0), StringComparer.Ordinal);
        }

        private static string? Text(XElement parent, string element)
        {
            var value = parent.Element(element)?.Value.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        private static int? Number(XElement parent, string element, string source)
        {
            var text = Text(parent, element);
            if (text is null) return null;
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new SolutionFormatException(source, $"<{element}> is '{text}', not a whole number.");
        }

        private static Guid ParseGuid(string? text, string source, string what) =>
            Guid.TryParse(text?.Trim().Trim('{', '}'), out var id) ? id : throw new SolutionFormatException(source, $"{what} is '{text}', not a GUID.");

        private static SolutionFormatException Missing(string source, string element) => new(source, $"<{element}> is missing.");
    }
}
