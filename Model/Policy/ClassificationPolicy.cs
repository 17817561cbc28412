using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Model.Policy
{
    /// <summary>
    /// Words that reveal what an interaction without an explicit kind was about. Matching is on
    /// whole words (or whole phrases), ignoring case and accents.
    /// </summary>
    public sealed class ClassificationPolicy
    {
        /// <summary>Gifts, hospitality, meals, tickets, merchandise: personal favours, not business value.</summary>
        public PerkWordLists PerkWords { get; set; } = new();

        /// <summary>Insight and improvement proposals: bringing the customer something new.</summary>
        public ValueWordLists ValueWords { get; set; } = new();
    }

    /// <summary>
    /// One list per language the product ships, plus any other language a customer adds. Each
    /// subclass sets its defaults in its constructor, so a document that gives one language's list
    /// keeps the default lists of the others.
    /// </summary>
    public abstract class WordLists
    {
        public List<string> En { get; set; } = new();
        public List<string> De { get; set; } = new();
        public List<string> Nl { get; set; } = new();
        public List<string> Da { get; set; } = new();
        public List<string> Fi { get; set; } = new();
        public List<string> Other { get; set; } = new();

        public IEnumerable<KeyValuePair<string, List<string>>> ByLanguage()
        {
            yield return new("en", En);
            yield return new("de", De);
            yield return new("nl", Nl);
            yield return new("da", Da);
            yield return new("fi", Fi);
            yield return new("other", Other);
        }

        public IEnumerable<string> All() => ByLanguage().SelectMany(l => l.Value);
    }

    public sealed class PerkWordLists : WordLists
    {
        public PerkWordLists()
        {
            En = new() { "lunch", "dinner", "breakfast", "brunch", "drinks", "gift", "gifts", "gift basket", "hamper",
                "tickets", "ticket", "doughnuts", "donuts", "cake", "hospitality", "golf", "box seats",
                "concert", "merchandise", "swag", "caps", "wine", "champagne", "christmas gift" };
            De = new() { "Mittagessen", "Abendessen", "Geschäftsessen", "Frühstück", "Geschenk", "Geschenke", "Präsentkorb",
                "Geschenkkorb", "Tickets", "Eintrittskarten", "Bewirtung", "Golf", "Werbegeschenk",
                "Werbegeschenke", "Weihnachtsgeschenk", "Wein", "Sekt", "Feier" };
            Nl = new() { "lunch", "etentje", "diner", "ontbijt", "borrel", "cadeau", "cadeaus", "cadeaupakket",
                "kerstpakket", "geschenk", "kaartjes", "tickets", "relatiegeschenk", "wijn", "uitje" };
            Da = new() { "frokost", "middag", "morgenmad", "gaver", "gavekurv", "julegave", "billetter",
                "billet", "vin", "fest", "golf", "firmagave" };
            Fi = new() { "lounas", "illallinen", "aamiainen", "lahja", "lahjat", "lahjakori", "joululahja", "liput",
                "lippu", "viini", "juhlat", "golf", "saunailta" };
        }
    }

    public sealed class ValueWordLists : WordLists
    {
        public ValueWordLists()
        {
            En = new() { "business review", "value review", "improvement proposal", "improvement", "insight", "insights",
                "roi", "savings", "efficiency", "benchmark", "workshop" };
            De = new() { "Verbesserungsvorschlag", "Optimierung", "Einsparung", "Einsparungen",
                "Wertbeitrag", "Nutzenanalyse", "Geschäftsüberprüfung", "Workshop", "Potenzialanalyse" };
            Nl = new() { "verbetervoorstel", "besparing", "besparingen", "optimalisatie", "inzicht",
                "waardeanalyse", "workshop" };
            Da = new() { "forbedringsforslag", "besparelse", "besparelser", "optimering", "indsigt",
                "værdianalyse", "workshop" };
            Fi = new() { "parannusehdotus", "säästö", "säästöt", "tehostaminen", "optimointi",
                "arvoanalyysi", "työpaja" };
        }
    }
}
