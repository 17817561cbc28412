using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Classification;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Policy;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    /// <summary>
    /// Precision and recall of perk recognition per language, on subjects as sellers write them:
    /// perks (including the compounds a native speaker reads as one) and business words that merely
    /// contain a perk word. Both must be perfect on the table with the default word lists.
    /// </summary>
    public class PerkRecognitionTableTests
    {
        private static readonly InteractionClassifier Classifier = new(new ClassificationPolicy());

        private const bool Perk = true;
        private const bool Business = false;

        private static readonly Dictionary<string, (string Subject, bool IsPerk)[]> Table = new()
        {
            ["en"] = new[]
            {
                ("Lunch with Anna", Perk), ("Dinner at the steakhouse", Perk), ("Tickets for Saturday's game", Perk),
                ("Season tickets for the head of purchasing", Perk), ("Gift basket for the team", Perk), ("Christmas hamper", Perk),
                ("Golf day with the CFO", Perk), ("Box seats at the final", Perk), ("Drinks after the trade fair", Perk),
                ("Champagne for the anniversary", Perk), ("Baseball caps for the warehouse crew", Perk),
                ("Doughnuts for the purchasing team", Perk), ("Breakfast with the plant manager", Perk),
                ("Concert evening with partners", Perk), ("Branded merchandise and swag", Perk), ("Hospitality at the grand prix", Perk),
                ("A bottle of wine for Tom", Perk), ("Birthday cake for Maria", Perk), ("Gift card for the buyer", Perk),
                ("Support ticket 4711 escalated", Business), ("Ticket system migration", Business), ("Ticketing workflow review", Business),
                ("Lunch & Learn workshop: energy savings", Business), ("Helpdesk ticket backlog review", Business),
                ("Hospitality industry benchmark", Business), ("Price caps in the new framework contract", Business),
                ("Lunchroom refurbishment plan", Business), ("Quarterly business review", Business), ("Service ticket closed", Business),
                ("Open tickets with the support desk", Business), ("Jira ticket for the interface bug", Business),
                ("Rate caps for freight", Business), ("Dinnerware product line review", Business), ("Gifted students programme", Business),
            },
            ["de"] = new[]
            {
                ("Konzertkarten für Herrn Maier", Perk), ("Weihnachtsgeschenk für die Einkaufsleiterin", Perk),
                ("Mittagessen mit Herrn Maier", Perk), ("Geschäftsessen im Ratskeller", Perk), ("Präsentkorb an die Buchhaltung", Perk),
                ("Werbegeschenke zur Messe", Perk), ("Eintrittskarten Pokalfinale", Perk), ("Theaterkarten für das Team", Perk),
                ("Weihnachtsfeier mit dem Kunden", Perk), ("Rotwein zum Jubiläum", Perk), ("Arbeitsfrühstück mit dem Werkleiter", Perk),
                ("Kundenbewirtung auf der Messe", Perk), ("Golfturnier mit dem Vorstand", Perk), ("Jubiläumsgeschenk", Perk),
                ("Tickets für das Pokalfinale", Perk), ("Fußballkarten für die Einkäufer", Perk), ("Geschenkgutschein zum Geburtstag", Perk),
                ("Abendessen nach der Messe", Perk), ("VIP-Karten für die Formel 1", Perk), ("Dauerkarte für den Einkaufsleiter", Perk),
                ("Konzerttickets für das Projektteam", Perk),
                ("Geschenkverpackung für Produkte", Business), ("Support-Tickets der letzten Woche", Business),
                ("Ticketsystem Migration", Business), ("Supportticket 4711 eskaliert", Business), ("Interessen des Einkaufs abstimmen", Business),
                ("Adressen im ERP bereinigen", Business), ("Visitenkarten bestellen", Business), ("Landkarten für die Tourenplanung", Business),
                ("Netzwerkkarten tauschen", Business), ("Warenkorb im Webshop", Business), ("Preise für Schwein und Rind", Business),
                ("Verbesserungsvorschlag Linie 3", Business), ("Optimierung in allen Prozessen", Business),
                ("Kreditkarten-Abrechnung", Business), ("Offene Tickets im Service", Business), ("Geschenkartikel-Sortiment für den Handel", Business),
            },
            ["nl"] = new[]
            {
                ("Bioscoopkaartjes voor het team", Perk), ("Kerstpakket voor de inkoopafdeling", Perk), ("Etentje met Jan", Perk),
                ("Zakenlunch met de CFO", Perk), ("Kerstdiner met de directie", Perk), ("Relatiegeschenk voor de klant", Perk),
                ("Nieuwjaarsborrel", Perk), ("Voetbalkaartjes voor de finale", Perk), ("Werkontbijt met de plantmanager", Perk),
                ("Bedrijfsuitje naar de Efteling", Perk), ("Fles wijn voor Pieter", Perk), ("Kerstcadeau voor de afdeling", Perk),
                ("Concertkaartjes", Perk), ("Cadeaubon voor de inkoper", Perk), ("Tickets voor het concert", Perk),
                ("Lunch met de inkoper", Perk), ("Verjaardagscadeautje", Perk), ("Personeelsfeest bij de klant", Perk),
                ("Visitekaartjes bestellen", Business), ("Prijskaartjes in de winkel", Business), ("Softwarepakket upgraden", Business),
                ("Supporttickets van vorige week", Business), ("Ticketsysteem migratie", Business), ("Naamkaartjes voor de beurs", Business),
                ("Verbetervoorstel lijn 3", Business), ("Onderhoudspakket verlengen", Business), ("Lunchruimte verbouwing", Business),
                ("Servicepakket bespreken", Business), ("Geschenkverpakking voor producten", Business), ("Kwartaaloverleg", Business),
                ("Azijnproductie planning", Business), ("Support tickets escalatie", Business), ("Prijskaartje van het nieuwe contract", Business),
            },
            ["da"] = new[]
            {
                ("Koncertbilletter til indkøbschefen", Perk), ("Julegave til teamet", Perk), ("Julefrokost med kunden", Perk),
                ("Frokost med indkøbschefen", Perk), ("Gavekurv til bogholderiet", Perk), ("Firmagave", Perk),
                ("Fodboldbilletter til finalen", Perk), ("Rødvin til jubilæet", Perk), ("Julefest hos kunden", Perk),
                ("Middag med direktøren", Perk), ("Forretningsmiddag i København", Perk), ("Golf med økonomichefen", Perk),
                ("Gavekort til kontaktpersonen", Perk), ("Teaterbilletter", Perk), ("Julegaver til lageret", Perk),
                ("Morgenmad med driftschefen", Perk),
                ("Arbejdsopgave: opdater prislisten", Business), ("Ny udgave af softwaren", Business), ("Opgaver til næste kvartal", Business),
                ("Softwareudgave 4.2", Business), ("Møde i eftermiddag om leverancer", Business), ("Forbedringsforslag til linje 3", Business),
                ("Fragtmanifest for containeren", Business), ("Billetsystem migrering", Business), ("Servicesag 4711 lukket", Business),
                ("Kvartalsmøde om leverancer", Business), ("Hovedopgaver i projektet", Business), ("Ordrebekræftelse", Business),
                ("Eftermiddagsmøde med logistik", Business), ("Gavekortsystem til butikkerne", Business), ("Festivalpladsens elinstallation", Business),
            },
            ["fi"] = new[]
            {
                ("Konserttiliput asiakkaalle", Perk), ("Joululahja ostopäällikölle", Perk), ("Lounas Matin kanssa", Perk),
                ("Työlounas johtoryhmän kanssa", Perk), ("Illallinen messujen jälkeen", Perk), ("Joululounas", Perk), ("Liikelahja", Perk),
                ("Lahjakori kirjanpitoon", Perk), ("Pääsyliput finaaliin", Perk), ("Punaviini juhlavuoden kunniaksi", Perk),
                ("Pikkujoulut asiakkaan kanssa", Perk), ("Saunailta asiakkaan kanssa", Perk), ("Golf talousjohtajan kanssa", Perk),
                ("Lahjakortti yhteyshenkilölle", Perk), ("Aamiainen tehtaanjohtajan kanssa", Perk), ("Lounaalla Matin kanssa", Perk),
                ("Työpaja: prosessin optimointi", Business), ("Tukipyyntö 4711 suljettu", Business), ("Parannusehdotus linjalle 3", Business),
                ("Neljännesvuosikatsaus", Business), ("Lippujärjestelmän päivitys", Business), ("Kustannussäästöt", Business),
                ("Toimitusaikataulu", Business), ("Tilausvahvistus", Business), ("Viinitilan ERP-projekti", Business),
                ("Sopimuksen uusiminen", Business), ("Laskutusvirhe", Business), ("Juhlatilan vuokrasopimus", Business),
                ("Lounastilan remontti", Business), ("Illallisravintolan kassajärjestelmä", Business), ("Lahjaverotus-konsultointi", Business),
            },
        };

        private static bool Recognised(string subject) =>
            Classifier.Classify(new Interaction { Kind = InteractionKind.Meeting, Subject = subject, State = InteractionState.Completed }) == InteractionClass.Perk;

        [TestCase("en")]
        [TestCase("de")]
        [TestCase("nl")]
        [TestCase("da")]
        [TestCase("fi")]
        public void Perks_are_recognised_with_full_precision_and_recall(string language)
        {
            var rows = Table[language];
            var truePositives = rows.Count(r => r.IsPerk && Recognised(r.Subject));
            var falsePositives = rows.Where(r => !r.IsPerk && Recognised(r.Subject)).Select(r => r.Subject).ToList();
            var missed = rows.Where(r => r.IsPerk && !Recognised(r.Subject)).Select(r => r.Subject).ToList();
            var precision = truePositives + falsePositives.Count == 0 ? 0m : (decimal)truePositives / (truePositives + falsePositives.Count);
            var recall = (decimal)truePositives / rows.Count(r => r.IsPerk);

            Assert.Multiple(() =>
            {
                Assert.That(rows, Has.Length.GreaterThanOrEqualTo(30), "a table of at least 30 subjects per language");
                Assert.That(rows.Count(r => r.IsPerk), Is.GreaterThanOrEqualTo(10), "perks");
                Assert.That(rows.Count(r => !r.IsPerk), Is.GreaterThanOrEqualTo(10), "business lookalikes");
                Assert.That(precision, Is.EqualTo(1m), "business subjects read as perks: " + string.Join(" | ", falsePositives));
                Assert.That(recall, Is.EqualTo(1m), "perks not recognised: " + string.Join(" | ", missed));
            });
        }

        [TestCase("Konzertkarten")]
        [TestCase("Weihnachtsgeschenk")]
        [TestCase("bioscoopkaartjes")]
        [TestCase("kerstpakket")]
        [TestCase("koncertbilletter")]
        [TestCase("julegave")]
        [TestCase("konserttiliput")]
        [TestCase("joululahja")]
        public void The_compounds_of_the_issue_are_perks(string subject)
        {
            Assert.That(Recognised(subject), Is.True);
        }

        [TestCase("support ticket")]
        [TestCase("ticket system")]
        [TestCase("Geschenkverpackung für Produkte")]
        public void Business_words_containing_a_perk_word_are_not_perks(string subject)
        {
            Assert.That(Recognised(subject), Is.False);
        }

        [Test]
        public void Lunch_and_learn_is_value()
        {
            Assert.That(Classifier.Classify(new Interaction { Kind = InteractionKind.Meeting, Subject = "Lunch & Learn workshop" }), Is.EqualTo(InteractionClass.Value));
        }

        [Test]
        public void English_stays_whole_word()
        {
            Assert.Multiple(() =>
            {
                Assert.That(Recognised("Dinnerware range"), Is.False);
                Assert.That(Recognised("Giftwrap service"), Is.False);
            });
        }

        [Test]
        public void A_compound_entry_in_a_policy_document_matches_compounds_and_a_lookalike_vetoes_it()
        {
            var policy = PolicyLoader.Load("{ \"classification\": { \"perkWords\": { \"other\": [\"*fika\"] }, \"perkLookalikes\": { \"other\": [\"*stödfika\"] } } }");
            var classifier = new InteractionClassifier(policy.Classification);
            InteractionClass Of(string subject) => classifier.Classify(new Interaction { Kind = InteractionKind.Meeting, Subject = subject });

            Assert.Multiple(() =>
            {
                Assert.That(Of("Julfika med teamet"), Is.EqualTo(InteractionClass.Perk));
                Assert.That(Of("Stödfika"), Is.EqualTo(InteractionClass.Service));
            });
        }
    }
}
