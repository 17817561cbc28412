using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LoyaltyHealth.Model.Classification
{
    /// <summary>Folds text so that "Präsentkorb", "PRASENTKORB" and "präsentkorb" compare equal.</summary>
    public static class TextNormalizer
    {
        public static string Normalize(string text) => string.Join(" ", Tokens(text));

        /// <summary>The words of a text: runs of letters and digits, lower-cased, without accents.</summary>
        public static IReadOnlyList<string> Tokens(string text)
        {
            var tokens = new List<string>();
            var current = new StringBuilder();
            foreach (var c in text.Normalize(NormalizationForm.FormD))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category == UnicodeCategory.NonSpacingMark) continue;
                if (char.IsLetterOrDigit(c))
                {
                    var lower = char.ToLowerInvariant(c);
                    if (Fold(lower) is { } folded) current.Append(folded);
                    else current.Append(lower);
                }
                else if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            if (current.Length > 0) tokens.Add(current.ToString());
            return tokens;
        }

        // Letters that Unicode does not decompose into a base letter plus an accent; null for every other letter.
        private static string? Fold(char c) => c switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'ø' => "o",
            'œ' => "oe",
            'ł' => "l",
            'đ' => "d",
            'þ' => "th",
            'ı' => "i",
            _ => null,
        };
    }
}
