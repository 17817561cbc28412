using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace LoyaltyHealth.Tests.Languages
{
    /// <summary>
    /// Compares the texts of every language with English's: a key English has and a language lacks, a key a
    /// language has and English lacks, and a text whose placeholder names ({name}, {name|singular|plural})
    /// differ from the English text's. Each problem is one line naming language and key.
    /// </summary>
    public static class TextCatalogue
    {
        public const string Reference = "en";

        private static readonly Regex Placeholder = new(@"\{(\w+)(?:\|[^{}]*)?\}", RegexOptions.CultureInvariant);

        public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byLanguage)
        {
            var reference = byLanguage[Reference];
            var problems = new List<string>();
            foreach (var (language, texts) in byLanguage.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                foreach (var (key, english) in reference)
                {
                    if (!texts.TryGetValue(key, out var text))
                        problems.Add($"{language}: no text for {key}");
                    else if (Names(text) != Names(english))
                        problems.Add($"{language}: {key} has placeholders {{{Names(text)}}}, English has {{{Names(english)}}}");
                }
                problems.AddRange(texts.Keys.Where(k => !reference.ContainsKey(k)).Select(k => $"{language}: {k} is not an English text"));
            }
            return problems;
        }

        /// <summary>The placeholder names of a text, sorted and joined.</summary>
        public static string Names(string text) => string.Join(", ",
            Placeholder.Matches(text).Select(m => m.Groups[1].Value).Distinct().OrderBy(n => n, StringComparer.Ordinal));
    }
}
