using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Model.Policy
{
    /// <summary>
    /// Words that reveal what an interaction without an explicit kind was about. Matching ignores
    /// case and accents and is on whole words or phrases; an entry starting with <c>*</c> also matches
    /// as the last part of a compound ("*geschenk" finds "Weihnachtsgeschenk"), for the languages that
    /// write compounds as one word. English entries stay whole words.
    /// </summary>
    public sealed class ClassificationPolicy
    {
        /// <summary>Gifts, hospitality, meals, tickets, merchandise: personal favours, not business value.</summary>
        public PerkWordLists PerkWords { get; set; } = new();

        /// <summary>
        /// Business words and phrases that contain a perk word but are no perk ("support ticket",
        /// "arbejdsopgave"): a perk word found inside one of them does not count.
        /// </summary>
        public PerkLookalikeWordLists PerkLookalikes { get; set; } = new();

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
            En = new() { "lunch", "dinner", "breakfast", "brunch", "drinks", "gift", "gifts", "gift basket", "gift card", "gift voucher",
                "hamper", "hampers", "tickets", "ticket", "doughnuts", "donuts", "cake", "hospitality", "golf", "box seats",
                "concert", "merchandise", "swag", "caps", "wine", "champagne", "christmas gift", "christmas party", "happy hour" };
            De = new() { "Mittagessen", "*abendessen", "*geschäftsessen", "*arbeitsessen", "*weihnachtsessen", "*festessen",
                "*frühstück", "*geschenk", "*geschenke", "*präsent", "*präsente", "*präsentkorb", "*geschenkkorb", "*gutschein",
                "Tickets", "*konzerttickets", "*fußballtickets", "*konzertkarten", "*eintrittskarten", "*theaterkarten",
                "*kinokarten", "*opernkarten", "*stadionkarten", "*fußballkarten", "VIP Karten", "*dauerkarte", "*dauerkarten",
                "*logenplätze", "*bewirtung", "Golf", "*golfturnier", "*golfrunde", "*wein", "Sekt", "*feier" };
            Nl = new() { "*lunch", "*etentje", "*diner", "*ontbijt", "*borrel", "*cadeau", "*cadeaus", "*cadeautje", "*cadeaupakket",
                "*cadeaubon", "*kerstpakket", "*geschenk", "*geschenken", "*kaartjes", "*kaartje", "*tickets", "*wijn", "*uitje",
                "*feest" };
            Da = new() { "*frokost", "middag", "julemiddag", "forretningsmiddag", "*morgenmad", "*gave", "*gaver", "*gavekurv",
                "*gavekort", "*billetter", "*billet", "vin", "*rødvin", "*hvidvin", "*fest", "golf" };
            Fi = new() { "*lounas", "lounaalla", "lounaalle", "*illallinen", "illallisella", "illalliselle", "*aamiainen",
                "*lahja", "*lahjat", "*lahjakori", "*lahjakortti", "*liput", "*lippu", "*viini", "*juhlat", "pikkujoulut",
                "pikkujoulu", "golf", "*saunailta", "*kakku" };
        }
    }

    public sealed class PerkLookalikeWordLists : WordLists
    {
        public PerkLookalikeWordLists()
        {
            En = new() { "support ticket", "support tickets", "service ticket", "service tickets", "helpdesk ticket",
                "helpdesk tickets", "help desk ticket", "incident ticket", "jira ticket", "ticket system", "ticket number",
                "open tickets", "open ticket", "closed ticket", "ticket closed", "ticket escalated", "lunch & learn",
                "lunch and learn", "hospitality industry", "hospitality sector", "hospitality software", "price caps",
                "rate caps", "spending caps" };
            De = new() { "*supportticket", "*supporttickets", "*serviceticket", "*servicetickets", "*störungstickets",
                "Support Tickets", "Support Ticket", "offene Tickets", "*schwein" };
            Nl = new() { "*visitekaartjes", "*visitekaartje", "*naamkaartjes", "*prijskaartjes", "*prijskaartje",
                "*supporttickets", "support tickets" };
            Da = new() { "*opgave", "*opgaver", "*udgave", "*udgaver", "*overgave", "*manifest" };
            Fi = new();
        }
    }

    public sealed class ValueWordLists : WordLists
    {
        public ValueWordLists()
        {
            En = new() { "business review", "value review", "improvement proposal", "improvement", "insight", "insights",
                "roi", "savings", "efficiency", "benchmark", "workshop", "lunch & learn", "lunch and learn" };
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
