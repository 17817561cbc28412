using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Model.Classification
{
    /// <summary>Finds whole words or whole phrases from a list in a text, ignoring case and accents.</summary>
    public sealed class WordMatcher
    {
        private readonly HashSet<string> _words = new(StringComparer.Ordinal);
        private readonly List<string[]> _phrases = new();

        public WordMatcher(IEnumerable<string> entries)
        {
            foreach (var entry in entries)
            {
                var tokens = TextNormalizer.Tokens(entry);
                if (tokens.Count == 1) _words.Add(tokens[0]);
                else if (tokens.Count > 1) _phrases.Add(tokens.ToArray());
            }
        }

        public bool Matches(string? text) => FirstMatch(text) is not null;

        /// <summary>The first listed word or phrase found in the text, normalised; null when none.</summary>
        public string? FirstMatch(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var tokens = TextNormalizer.Tokens(text!);
            var word = tokens.FirstOrDefault(_words.Contains);
            if (word is not null) return word;
            foreach (var phrase in _phrases)
            {
                for (var start = 0; start + phrase.Length <= tokens.Count; start++)
                {
                    if (phrase.Select((t, i) => tokens[start + i] == t).All(same => same))
                        return string.Join(" ", phrase);
                }
            }
            return null;
        }
    }
}
