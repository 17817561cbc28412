using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using Newtonsoft.Json;

namespace LoyaltyHealth.Model.Reasons
{
    /// <summary>
    /// Renders reason and action codes as sentences in the reader's language. Texts live in one
    /// embedded JSON file per language (Reasons/Texts/xx.json); a culture without its own file
    /// falls back to its parent language and then to English, text by text. A placeholder is
    /// <c>{name}</c> for a value, or <c>{name|singular|plural}</c> to agree with a count.
    /// </summary>
    public sealed class ReasonRenderer
    {
        public const string FallbackLanguage = "en";
        private const string ResourcePrefix = "LoyaltyHealth.Model.Texts.";
        private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>?> Cache = new(StringComparer.OrdinalIgnoreCase);

        private readonly CultureInfo _culture;
        private readonly IReadOnlyDictionary<string, string>[] _texts;

        public ReasonRenderer(CultureInfo culture)
        {
            _culture = culture ?? throw new ArgumentNullException(nameof(culture));
            _texts = TextsByCulture.GetOrAdd(culture.Name, _ => new[] { culture.Name, culture.TwoLetterISOLanguageName, FallbackLanguage }
                .Where(n => !string.IsNullOrEmpty(n))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(Load)
                .Where(t => t is not null)
                .Select(t => t!)
                .ToArray());
        }

        /// <summary>
        /// The texts of a culture with its fallbacks, in the order they are looked in: a renderer is made for every
        /// recalculation, and the chain depends only on the culture's name (a few per run).
        /// </summary>
        private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>[]> TextsByCulture = new(StringComparer.Ordinal);

        /// <summary>The languages that ship with texts: one embedded Reasons/Texts/xx.json each (da, de, en, fi, nl).</summary>
        public static IReadOnlyList<string> Languages { get; } = typeof(ReasonRenderer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n.Substring(ResourcePrefix.Length, n.Length - ResourcePrefix.Length - ".json".Length))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        public CultureInfo Culture => _culture;

        public string Render(Reason reason) => Fill(Text(reason.Code), reason.Parameters);

        public string Render(NextBestAction action) => Fill(Text("Action." + action.Code), action.Parameters);

        public string Label(HealthBand band) => Text("Band." + band);
        public string Label(Trend trend) => Text("Trend." + trend);
        public string Label(Pillar pillar) => Text("Pillar." + pillar);
        public string Label(Transition transition) => Text("Transition." + transition);
        public string Label(ServiceCadence cadence) => Text("Cadence." + cadence);
        public string Label(ServiceChannel channel) => Text("Channel." + channel);

        /// <summary>The name of a sub-measure (one of <see cref="MeasureCodes"/>) as the explain table shows it.</summary>
        public string MeasureLabel(string measureCode) => Text("Measure." + measureCode);

        /// <summary>Whether this language's own file (not a fallback) has a text for the key.</summary>
        public static bool HasOwnText(string language, string key) => OwnTexts(language).ContainsKey(key);

        /// <summary>This language's own texts by key, without fallbacks; empty for a language that does not ship.</summary>
        public static IReadOnlyDictionary<string, string> OwnTexts(string language) => Load(language) ?? new Dictionary<string, string>();

        private string Text(string key)
        {
            foreach (var texts in _texts)
            {
                if (texts.TryGetValue(key, out var text)) return text;
            }
            throw new KeyNotFoundException($"No text for '{key}' in {string.Join(", ", Languages)}.");
        }

        private string Fill(string template, IReadOnlyList<Parameter> parameters)
        {
            var result = new StringBuilder(template.Length + 32);
            var i = 0;
            while (i < template.Length)
            {
                var open = template.IndexOf('{', i);
                if (open < 0) { result.Append(template, i, template.Length - i); break; }
                var close = template.IndexOf('}', open + 1);
                if (close < 0) { result.Append(template, i, template.Length - i); break; }
                result.Append(template, i, open - i);
                // The placeholder is name, or name|singular|plural: its parts are separated by '|'.
                var firstBar = template.IndexOf('|', open + 1, close - open - 1);
                var nameEnd = firstBar < 0 ? close : firstBar;
                var parameter = Find(parameters, template, open + 1, nameEnd - open - 1);
                if (parameter is null) result.Append(template, open, close - open + 1);
                else if (firstBar >= 0 && IsSingularPlural(template, firstBar, close, out var secondBar))
                {
                    if (parameter.Value == 1m) result.Append(template, firstBar + 1, secondBar - firstBar - 1);
                    else result.Append(template, secondBar + 1, close - secondBar - 1);
                }
                else result.Append(Format(parameter));
                i = close + 1;
            }
            return result.ToString();
        }

        /// <summary>The parameter named by the template's characters from <paramref name="start"/>, <paramref name="length"/> long; null when none is.</summary>
        private static Parameter? Find(IReadOnlyList<Parameter> parameters, string template, int start, int length)
        {
            for (var p = 0; p < parameters.Count; p++)
            {
                var name = parameters[p].Name;
                if (name.Length == length && string.CompareOrdinal(name, 0, template, start, length) == 0) return parameters[p];
            }
            return null;
        }

        /// <summary>Whether the placeholder from its first '|' (<paramref name="firstBar"/>) to its end holds exactly one more, and where.</summary>
        private static bool IsSingularPlural(string template, int firstBar, int close, out int secondBar)
        {
            secondBar = template.IndexOf('|', firstBar + 1, close - firstBar - 1);
            return secondBar >= 0 && template.IndexOf('|', secondBar + 1, close - secondBar - 1) < 0;
        }

        private string Format(Parameter p) => p.Kind switch
        {
            ParameterKind.Percent => p.Value.ToString("P0", _culture),
            ParameterKind.Money => p.Value.ToString("N0", _culture),
            ParameterKind.Cadence => Label((ServiceCadence)(int)p.Value),
            ParameterKind.Channel => Label((ServiceChannel)(int)p.Value),
            ParameterKind.Pillar => Label((Pillar)(int)p.Value),
            ParameterKind.Touch => Text("Touch." + (ServiceChannel)(int)p.Value),
            ParameterKind.SellerInput => Text("Input." + (SellerInput)(int)p.Value),
            ParameterKind.StoredValue => p.Value.ToString("0", CultureInfo.InvariantCulture),
            _ => p.Value.ToString("N0", _culture),
        };

        private static IReadOnlyDictionary<string, string>? Load(string language) => Cache.GetOrAdd(language, name =>
        {
            var stream = typeof(ReasonRenderer).Assembly.GetManifestResourceStream(ResourcePrefix + name.ToLowerInvariant() + ".json");
            if (stream is null) return null;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return JsonConvert.DeserializeObject<Dictionary<string, string>>(reader.ReadToEnd())
                ?? throw new InvalidDataException($"The texts for language '{name}' are empty.");
        });
    }
}
