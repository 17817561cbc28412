using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Model.Classification
{
    /// <summary>
    /// Finds listed words or phrases in a text, ignoring case and accents. An entry matches whole
    /// words, except that an entry starting with <c>*</c> also matches as the last part of a compound
    /// word: German, Dutch, Danish and Finnish put the head of a compound last, so "*geschenk" finds
    /// "Weihnachtsgeschenk" but not "Geschenkverpackung". The part in front must be at least
    /// <see cref="MinimumModifierLength"/> letters, so short prefixes ("opgave", "udgave") are not read as compounds.
    /// </summary>
    public sealed class WordMatcher
    {
        public const char CompoundMarker = '*';
        public const int MinimumModifierLength = 3;

        private readonly List<Entry> _entries = new();

        /// <summary>
        /// The entries (by position) whose first word is the key, and those that may also match as a compound's
        /// head: a word can only start a match of these, so each word is compared with a few entries, not all.
        /// </summary>
        private readonly Dictionary<string, List<int>> _byFirstWord = new(StringComparer.Ordinal);

        /// <summary>
        /// The compound heads by their last letter: a word can only end in a head that ends in its own last letter,
        /// so each word is compared with the few heads sharing it, not with every head of the list (about 90 by default).
        /// </summary>
        private readonly Dictionary<char, List<int>> _compoundHeadsByLastLetter = new();

        public WordMatcher(IEnumerable<string> entries)
        {
            foreach (var entry in entries)
            {
                var tokens = TextNormalizer.Tokens(entry);
                if (tokens.Count == 0) continue;
                var added = new Entry(tokens.ToArray(), entry.TrimStart().StartsWith(CompoundMarker.ToString(), StringComparison.Ordinal));
                if (!_byFirstWord.TryGetValue(added.Words[0], out var sameFirstWord)) _byFirstWord.Add(added.Words[0], sameFirstWord = new List<int>());
                sameFirstWord.Add(_entries.Count);
                if (added.CompoundHead)
                {
                    var head = added.Words[0];
                    var last = head[head.Length - 1];
                    if (!_compoundHeadsByLastLetter.TryGetValue(last, out var sameLast)) _compoundHeadsByLastLetter.Add(last, sameLast = new List<int>());
                    sameLast.Add(_entries.Count);
                }
                _entries.Add(added);
            }
        }

        public bool Matches(string? text) => FirstMatch(text) is not null;

        /// <summary>The first listed word or phrase found in the text, normalised; null when none.</summary>
        public string? FirstMatch(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var match = Find(TextNormalizer.Tokens(text!)).FirstOrDefault();
            return match is null ? null : string.Join(" ", match.Words);
        }

        /// <summary>Every place in the words of a text where a listed entry matches.</summary>
        /// <remarks>In the order of the words, and at one word in the order of the entries.</remarks>
        public IEnumerable<WordMatch> Find(IReadOnlyList<string> tokens)
        {
            var candidates = new List<int>();
            for (var start = 0; start < tokens.Count; start++)
            {
                Candidates(tokens[start], candidates);
                foreach (var index in candidates)
                {
                    var entry = _entries[index];
                    if (entry.MatchesAt(tokens, start)) yield return new WordMatch(start, entry.Words.Length, entry.Words);
                }
            }
        }

        /// <summary>The entries that can start a match at this word, in entry order, each once.</summary>
        private void Candidates(string token, List<int> candidates)
        {
            candidates.Clear();
            if (_byFirstWord.TryGetValue(token, out var sameFirstWord)) candidates.AddRange(sameFirstWord);
            var exact = candidates.Count;
            if (token.Length == 0 || !_compoundHeadsByLastLetter.TryGetValue(token[token.Length - 1], out var heads)) return;
            foreach (var index in heads)
            {
                if (token.EndsWith(_entries[index].Words[0], StringComparison.Ordinal) && candidates.IndexOf(index, 0, exact) < 0) candidates.Add(index);
            }
            if (candidates.Count > exact) candidates.Sort();
        }

        private sealed class Entry
        {
            public Entry(string[] words, bool compoundHead)
            {
                Words = words;
                CompoundHead = compoundHead;
            }

            public string[] Words { get; }
            /// <summary>The first word also matches with a modifier in front of it.</summary>
            public bool CompoundHead { get; }

            public bool MatchesAt(IReadOnlyList<string> tokens, int start)
            {
                if (start + Words.Length > tokens.Count) return false;
                for (var i = 0; i < Words.Length; i++)
                {
                    var token = tokens[start + i];
                    if (token == Words[i]) continue;
                    var asHead = i == 0 && CompoundHead
                        && token.Length - Words[0].Length >= MinimumModifierLength
                        && token.EndsWith(Words[0], StringComparison.Ordinal);
                    if (!asHead) return false;
                }
                return true;
            }
        }
    }

    /// <summary>Where a listed entry matched: its first word's position and how many words it spans.</summary>
    public sealed record WordMatch(int Start, int Length, IReadOnlyList<string> Words)
    {
        public bool Within(WordMatch other) => Start >= other.Start && Start + Length <= other.Start + other.Length;
    }
}
