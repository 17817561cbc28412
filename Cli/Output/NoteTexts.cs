using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins.Health;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// The words of the notes on the data and the per-account warnings the tool itself writes (<see cref="DataNote"/>), in the
    /// five languages. {0} is the count, {1} and on the note's values; a kind with a ".One" and an ".Other" text takes one by
    /// the count. What the plugins traced as ignored (<see cref="IgnoredInput"/>) is read back and worded here too.
    /// </summary>
    public static class NoteTexts
    {
        /// <summary>The kinds, each the key of its text (or texts) below.</summary>
        public const string SkippedTable = "SkippedTable";
        public const string SkippedColumns = "SkippedColumns";
        public const string ExcludedAccounts = "ExcludedAccounts";
        public const string ExcludedRecords = "ExcludedRecords";
        public const string NoCreatedOn = "NoCreatedOn";
        public const string NoStatus = "NoStatus";
        public const string InNoAccount = "InNoAccount";
        public const string ExcludedOfTable = "ExcludedOfTable";
        public const string AccountWithoutCreatedOn = "AccountWithoutCreatedOn";
        public const string ActivitiesWithoutStatus = "ActivitiesWithoutStatus";

        /// <summary>The prefix of the kinds of what the plugins traced as ignored: "Ignored." and an <see cref="IgnoredInput"/> kind.</summary>
        public const string Ignored = "Ignored.";

        private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Written = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["en"] = new Dictionary<string, string>
            {
                ["Skipped"] = "Skipped",
                ["Note"] = "Note",
                ["SkippedTable.One"] = "table {1} is not used: {0} record skipped",
                ["SkippedTable.Other"] = "table {1} is not used: {0} records skipped",
                ["SkippedColumns"] = "columns of {1} not used: {2}",
                ["ExcludedAccounts.One"] = "{0} account created after the as-of moment {1} was left out, with its records",
                ["ExcludedAccounts.Other"] = "{0} accounts created after the as-of moment {1} were left out, with their records",
                ["ExcludedRecords.One"] = "{0} record dated after the as-of moment {1} was excluded (created or completed later; counted per account)",
                ["ExcludedRecords.Other"] = "{0} records dated after the as-of moment {1} were excluded (created or completed later; counted per account)",
                ["NoCreatedOn.One"] = "{0} account has no created-on date in the export, so it is scored as created by this import and is not rated as an established account; add Created On (createdon) to the account's fields in the export's schema and export again to score it",
                ["NoCreatedOn.Other"] = "{0} accounts have no created-on date in the export, so each is scored as created by this import and is not rated as an established account; add Created On (createdon) to the account's fields in the export's schema and export again to score them",
                ["NoStatus.One"] = "{0} activity has no status in the export, so it is imported open, as Dataverse imports it, and does not count as completed; add Status (statecode) to the activity tables' fields in the export's schema and export again to count it",
                ["NoStatus.Other"] = "{0} activities have no status in the export, so each is imported open, as Dataverse imports it, and none of them counts as completed; add Status (statecode) to the activity tables' fields in the export's schema and export again to count them",
                ["InNoAccount.One"] = "{0} {1} record counts toward no account in the file (what it regards, its parent or its account is missing), so it was not used: {2}",
                ["InNoAccount.Other"] = "{0} {1} records count toward no account in the file (what they regard, their parent or their account is missing), so they were not used: {2}",
                ["ExcludedOfTable.One"] = "{0} {1} record dated after the as-of moment was left out",
                ["ExcludedOfTable.Other"] = "{0} {1} records dated after the as-of moment were left out",
                ["AccountWithoutCreatedOn"] = "no created-on date in the export: scored as created by this import, so it is not rated as an established account",
                ["ActivitiesWithoutStatus.One"] = "{0} activity has no status in the export: imported open, so not counted as completed",
                ["ActivitiesWithoutStatus.Other"] = "{0} activities have no status in the export: imported open, so not counted as completed",
            },
            ["de"] = new Dictionary<string, string>
            {
                ["Skipped"] = "Übersprungen",
                ["Note"] = "Hinweis",
                ["SkippedTable.One"] = "Tabelle {1} wird nicht verwendet: {0} Datensatz übersprungen",
                ["SkippedTable.Other"] = "Tabelle {1} wird nicht verwendet: {0} Datensätze übersprungen",
                ["SkippedColumns"] = "nicht verwendete Spalten von {1}: {2}",
                ["ExcludedAccounts.One"] = "{0} Kunde, der nach dem Bewertungszeitpunkt {1} angelegt wurde, blieb mit seinen Datensätzen unberücksichtigt",
                ["ExcludedAccounts.Other"] = "{0} Kunden, die nach dem Bewertungszeitpunkt {1} angelegt wurden, blieben mit ihren Datensätzen unberücksichtigt",
                ["ExcludedRecords.One"] = "{0} Datensatz mit einem Datum nach dem Bewertungszeitpunkt {1} wurde ausgeschlossen (später angelegt oder abgeschlossen; je Kunde gezählt)",
                ["ExcludedRecords.Other"] = "{0} Datensätze mit einem Datum nach dem Bewertungszeitpunkt {1} wurden ausgeschlossen (später angelegt oder abgeschlossen; je Kunde gezählt)",
                ["NoCreatedOn.One"] = "{0} Kunde hat im Export kein Erstellungsdatum und wird daher als durch diesen Import angelegt bewertet, nicht als bestehender Kunde; nehmen Sie „Erstellt am“ (createdon) in die Felder des Kunden im Schema des Exports auf und exportieren Sie erneut, um ihn zu bewerten",
                ["NoCreatedOn.Other"] = "{0} Kunden haben im Export kein Erstellungsdatum und werden daher als durch diesen Import angelegt bewertet, nicht als bestehende Kunden; nehmen Sie „Erstellt am“ (createdon) in die Felder des Kunden im Schema des Exports auf und exportieren Sie erneut, um sie zu bewerten",
                ["NoStatus.One"] = "{0} Aktivität hat im Export keinen Status und wird daher, wie Dataverse sie importiert, offen angelegt und zählt nicht als abgeschlossen; nehmen Sie „Status“ (statecode) in die Felder der Aktivitätstabellen im Schema des Exports auf und exportieren Sie erneut, um sie zu zählen",
                ["NoStatus.Other"] = "{0} Aktivitäten haben im Export keinen Status und werden daher, wie Dataverse sie importiert, offen angelegt, und keine zählt als abgeschlossen; nehmen Sie „Status“ (statecode) in die Felder der Aktivitätstabellen im Schema des Exports auf und exportieren Sie erneut, um sie zu zählen",
                ["InNoAccount.One"] = "{0} Datensatz der Tabelle {1} gehört zu keinem Kunden in der Datei (sein Bezug, sein übergeordneter Datensatz oder sein Kunde fehlt) und wurde nicht verwendet: {2}",
                ["InNoAccount.Other"] = "{0} Datensätze der Tabelle {1} gehören zu keinem Kunden in der Datei (ihr Bezug, ihr übergeordneter Datensatz oder ihr Kunde fehlt) und wurden nicht verwendet: {2}",
                ["ExcludedOfTable.One"] = "{0} Datensatz der Tabelle {1} mit einem Datum nach dem Bewertungszeitpunkt blieb unberücksichtigt",
                ["ExcludedOfTable.Other"] = "{0} Datensätze der Tabelle {1} mit einem Datum nach dem Bewertungszeitpunkt blieben unberücksichtigt",
                ["AccountWithoutCreatedOn"] = "kein Erstellungsdatum im Export: als durch diesen Import angelegt bewertet, daher nicht als bestehender Kunde eingestuft",
                ["ActivitiesWithoutStatus.One"] = "{0} Aktivität hat im Export keinen Status: offen importiert, daher nicht als abgeschlossen gezählt",
                ["ActivitiesWithoutStatus.Other"] = "{0} Aktivitäten haben im Export keinen Status: offen importiert, daher nicht als abgeschlossen gezählt",
                ["Ignored.InteractionWithoutDate"] = "Aktivität {1}: ohne Datum abgeschlossen (kein tatsächliches oder geplantes Ende); nicht gezählt",
                ["Ignored.InteractionInFuture"] = "Aktivität {1}: nach dem Bewertungszeitpunkt abgeschlossen; nicht gezählt",
                ["Ignored.NegativeAmount"] = "Aktivität {1}: ein negativer Wert oder negative Kosten einer Gefälligkeit; als 0 gezählt",
                ["Ignored.AccountCreatedInFuture"] = "Kunde {1}: nach dem Bewertungszeitpunkt angelegt; als neuer Kunde bewertet",
                ["Ignored.UnknownPreferredChannel"] = "Kunde {1}: unbekannter Wert {2} in loy_preferredchannel; als nicht lesbar gemeldet",
                ["Ignored.UnknownServiceCadence"] = "Kunde {1}: unbekannter Wert {2} in loy_servicecadence; als nicht lesbar gemeldet",
                ["Ignored.UnknownChannel"] = "Aktivität {1}: unbekannter Wert {2} in loy_channel; Kanal als unbekannt behandelt",
                ["Ignored.UnknownInteractionClass"] = "Aktivität {1}: unbekannter Wert {2} in loy_interactionclass; nach Art und Betreff eingeordnet",
                ["Ignored.TableNotRead"] = "Aktivität {1}: die Tabelle „{2}“ liest das Modell nicht",
                ["Ignored.RegardingNotScored"] = "{2} {1} ist weder Kunde noch Kontakt noch Verkaufschance.",
                ["Ignored.RecordGone"] = "{2} {1} existiert nicht mehr.",
            },
            ["nl"] = new Dictionary<string, string>
            {
                ["Skipped"] = "Overgeslagen",
                ["Note"] = "Opmerking",
                ["SkippedTable.One"] = "tabel {1} wordt niet gebruikt: {0} record overgeslagen",
                ["SkippedTable.Other"] = "tabel {1} wordt niet gebruikt: {0} records overgeslagen",
                ["SkippedColumns"] = "niet gebruikte kolommen van {1}: {2}",
                ["ExcludedAccounts.One"] = "{0} klant die na het beoordelingsmoment {1} is aangemaakt, is met zijn records weggelaten",
                ["ExcludedAccounts.Other"] = "{0} klanten die na het beoordelingsmoment {1} zijn aangemaakt, zijn met hun records weggelaten",
                ["ExcludedRecords.One"] = "{0} record gedateerd na het beoordelingsmoment {1} is uitgesloten (later aangemaakt of afgerond; per klant geteld)",
                ["ExcludedRecords.Other"] = "{0} records gedateerd na het beoordelingsmoment {1} zijn uitgesloten (later aangemaakt of afgerond; per klant geteld)",
                ["NoCreatedOn.One"] = "{0} klant heeft geen aanmaakdatum in de export en wordt daarom beoordeeld als aangemaakt door deze import, niet als bestaande klant; voeg \"Gemaakt op\" (createdon) toe aan de velden van de klant in het schema van de export en exporteer opnieuw om hem te beoordelen",
                ["NoCreatedOn.Other"] = "{0} klanten hebben geen aanmaakdatum in de export en worden daarom beoordeeld als aangemaakt door deze import, niet als bestaande klanten; voeg \"Gemaakt op\" (createdon) toe aan de velden van de klant in het schema van de export en exporteer opnieuw om ze te beoordelen",
                ["NoStatus.One"] = "{0} activiteit heeft geen status in de export en wordt daarom open geïmporteerd, zoals Dataverse haar importeert, en telt niet als voltooid; voeg \"Status\" (statecode) toe aan de velden van de activiteitstabellen in het schema van de export en exporteer opnieuw om haar mee te tellen",
                ["NoStatus.Other"] = "{0} activiteiten hebben geen status in de export en worden daarom open geïmporteerd, zoals Dataverse ze importeert, en geen ervan telt als voltooid; voeg \"Status\" (statecode) toe aan de velden van de activiteitstabellen in het schema van de export en exporteer opnieuw om ze mee te tellen",
                ["InNoAccount.One"] = "{0} record van tabel {1} hoort bij geen enkele klant in het bestand (waar het over gaat, het bovenliggende record of de klant ontbreekt) en is niet gebruikt: {2}",
                ["InNoAccount.Other"] = "{0} records van tabel {1} horen bij geen enkele klant in het bestand (waar ze over gaan, het bovenliggende record of de klant ontbreekt) en zijn niet gebruikt: {2}",
                ["ExcludedOfTable.One"] = "{0} record van tabel {1} gedateerd na het beoordelingsmoment is weggelaten",
                ["ExcludedOfTable.Other"] = "{0} records van tabel {1} gedateerd na het beoordelingsmoment zijn weggelaten",
                ["AccountWithoutCreatedOn"] = "geen aanmaakdatum in de export: beoordeeld als aangemaakt door deze import, dus niet als bestaande klant",
                ["ActivitiesWithoutStatus.One"] = "{0} activiteit heeft geen status in de export: open geïmporteerd, dus niet als voltooid geteld",
                ["ActivitiesWithoutStatus.Other"] = "{0} activiteiten hebben geen status in de export: open geïmporteerd, dus niet als voltooid geteld",
                ["Ignored.InteractionWithoutDate"] = "activiteit {1}: afgerond zonder datum (geen werkelijk of gepland einde); niet geteld",
                ["Ignored.InteractionInFuture"] = "activiteit {1}: afgerond na het beoordelingsmoment; niet geteld",
                ["Ignored.NegativeAmount"] = "activiteit {1}: een negatieve waarde of negatieve kosten van een attentie; als 0 geteld",
                ["Ignored.AccountCreatedInFuture"] = "klant {1}: aangemaakt na het beoordelingsmoment; beoordeeld als nieuwe klant",
                ["Ignored.UnknownPreferredChannel"] = "klant {1}: onbekende waarde {2} in loy_preferredchannel; gemeld als onleesbaar",
                ["Ignored.UnknownServiceCadence"] = "klant {1}: onbekende waarde {2} in loy_servicecadence; gemeld als onleesbaar",
                ["Ignored.UnknownChannel"] = "activiteit {1}: onbekende waarde {2} in loy_channel; kanaal als onbekend behandeld",
                ["Ignored.UnknownInteractionClass"] = "activiteit {1}: onbekende waarde {2} in loy_interactionclass; ingedeeld op soort en onderwerp",
                ["Ignored.TableNotRead"] = "activiteit {1}: tabel '{2}' wordt niet door het model gelezen",
                ["Ignored.RegardingNotScored"] = "{2} {1} is geen klant, contactpersoon of verkoopkans.",
                ["Ignored.RecordGone"] = "{2} {1} bestaat niet meer.",
            },
            ["da"] = new Dictionary<string, string>
            {
                ["Skipped"] = "Sprunget over",
                ["Note"] = "Bemærkning",
                ["SkippedTable.One"] = "tabellen {1} bruges ikke: {0} post sprunget over",
                ["SkippedTable.Other"] = "tabellen {1} bruges ikke: {0} poster sprunget over",
                ["SkippedColumns"] = "kolonner i {1}, der ikke bruges: {2}",
                ["ExcludedAccounts.One"] = "{0} kunde oprettet efter vurderingstidspunktet {1} er udeladt med sine poster",
                ["ExcludedAccounts.Other"] = "{0} kunder oprettet efter vurderingstidspunktet {1} er udeladt med deres poster",
                ["ExcludedRecords.One"] = "{0} post dateret efter vurderingstidspunktet {1} er udelukket (oprettet eller afsluttet senere; talt pr. kunde)",
                ["ExcludedRecords.Other"] = "{0} poster dateret efter vurderingstidspunktet {1} er udelukket (oprettet eller afsluttet senere; talt pr. kunde)",
                ["NoCreatedOn.One"] = "{0} kunde har ingen oprettelsesdato i eksporten og vurderes derfor som oprettet af denne import, ikke som en etableret kunde; føj \"Oprettet\" (createdon) til kundens felter i eksportens skema, og eksportér igen for at vurdere den",
                ["NoCreatedOn.Other"] = "{0} kunder har ingen oprettelsesdato i eksporten og vurderes derfor som oprettet af denne import, ikke som etablerede kunder; føj \"Oprettet\" (createdon) til kundens felter i eksportens skema, og eksportér igen for at vurdere dem",
                ["NoStatus.One"] = "{0} aktivitet har ingen status i eksporten og importeres derfor åben, som Dataverse importerer den, og tæller ikke som afsluttet; føj \"Status\" (statecode) til aktivitetstabellernes felter i eksportens skema, og eksportér igen for at tælle den med",
                ["NoStatus.Other"] = "{0} aktiviteter har ingen status i eksporten og importeres derfor åbne, som Dataverse importerer dem, og ingen af dem tæller som afsluttet; føj \"Status\" (statecode) til aktivitetstabellernes felter i eksportens skema, og eksportér igen for at tælle dem med",
                ["InNoAccount.One"] = "{0} post i tabellen {1} hører ikke til nogen kunde i filen (det, den vedrører, dens overordnede post eller dens kunde mangler) og er ikke brugt: {2}",
                ["InNoAccount.Other"] = "{0} poster i tabellen {1} hører ikke til nogen kunde i filen (det, de vedrører, deres overordnede post eller deres kunde mangler) og er ikke brugt: {2}",
                ["ExcludedOfTable.One"] = "{0} post i tabellen {1} dateret efter vurderingstidspunktet er udeladt",
                ["ExcludedOfTable.Other"] = "{0} poster i tabellen {1} dateret efter vurderingstidspunktet er udeladt",
                ["AccountWithoutCreatedOn"] = "ingen oprettelsesdato i eksporten: vurderet som oprettet af denne import, så den vurderes ikke som en etableret kunde",
                ["ActivitiesWithoutStatus.One"] = "{0} aktivitet har ingen status i eksporten: importeret åben, så den tælles ikke som afsluttet",
                ["ActivitiesWithoutStatus.Other"] = "{0} aktiviteter har ingen status i eksporten: importeret åbne, så de tælles ikke som afsluttet",
                ["Ignored.InteractionWithoutDate"] = "aktivitet {1}: afsluttet uden dato (ingen faktisk eller planlagt afslutning); ikke talt med",
                ["Ignored.InteractionInFuture"] = "aktivitet {1}: afsluttet efter vurderingstidspunktet; ikke talt med",
                ["Ignored.NegativeAmount"] = "aktivitet {1}: en negativ værdi eller negativ pris for en opmærksomhed; talt som 0",
                ["Ignored.AccountCreatedInFuture"] = "kunde {1}: oprettet efter vurderingstidspunktet; vurderet som ny kunde",
                ["Ignored.UnknownPreferredChannel"] = "kunde {1}: ukendt værdi {2} i loy_preferredchannel; rapporteret som ulæselig",
                ["Ignored.UnknownServiceCadence"] = "kunde {1}: ukendt værdi {2} i loy_servicecadence; rapporteret som ulæselig",
                ["Ignored.UnknownChannel"] = "aktivitet {1}: ukendt værdi {2} i loy_channel; kanalen behandlet som ukendt",
                ["Ignored.UnknownInteractionClass"] = "aktivitet {1}: ukendt værdi {2} i loy_interactionclass; klassificeret efter type og emne",
                ["Ignored.TableNotRead"] = "aktivitet {1}: tabellen '{2}' læses ikke af modellen",
                ["Ignored.RegardingNotScored"] = "{2} {1} er hverken en kunde, en kontakt eller en salgsmulighed.",
                ["Ignored.RecordGone"] = "{2} {1} findes ikke længere.",
            },
            ["fi"] = new Dictionary<string, string>
            {
                ["Skipped"] = "Ohitettu",
                ["Note"] = "Huomio",
                ["SkippedTable.One"] = "taulukkoa {1} ei käytetä: {0} tietue ohitettiin",
                ["SkippedTable.Other"] = "taulukkoa {1} ei käytetä: {0} tietuetta ohitettiin",
                ["SkippedColumns"] = "taulukon {1} käyttämättömät sarakkeet: {2}",
                ["ExcludedAccounts.One"] = "{0} arviointihetken {1} jälkeen luotu asiakas jätettiin pois tietueineen",
                ["ExcludedAccounts.Other"] = "{0} arviointihetken {1} jälkeen luotua asiakasta jätettiin pois tietueineen",
                ["ExcludedRecords.One"] = "{0} arviointihetken {1} jälkeen päivätty tietue jätettiin pois (luotu tai valmistunut myöhemmin; laskettu asiakkaittain)",
                ["ExcludedRecords.Other"] = "{0} arviointihetken {1} jälkeen päivättyä tietuetta jätettiin pois (luotu tai valmistunut myöhemmin; laskettu asiakkaittain)",
                ["NoCreatedOn.One"] = "{0} asiakkaalla ei ole viennissä luontipäivää, joten se arvioidaan tämän tuonnin luomaksi eikä vakiintuneeksi asiakkaaksi; lisää \"Luontipäivä\" (createdon) asiakkaan kenttiin viennin rakenteessa ja vie uudelleen, jotta se voidaan arvioida",
                ["NoCreatedOn.Other"] = "{0} asiakkaalla ei ole viennissä luontipäivää, joten ne arvioidaan tämän tuonnin luomiksi eikä vakiintuneiksi asiakkaiksi; lisää \"Luontipäivä\" (createdon) asiakkaan kenttiin viennin rakenteessa ja vie uudelleen, jotta ne voidaan arvioida",
                ["NoStatus.One"] = "{0} aktiviteetilla ei ole viennissä tilaa, joten se tuodaan avoimena, kuten Dataverse sen tuo, eikä sitä lasketa valmistuneeksi; lisää \"Tila\" (statecode) aktiviteettitaulukoiden kenttiin viennin rakenteessa ja vie uudelleen, jotta se lasketaan",
                ["NoStatus.Other"] = "{0} aktiviteetilla ei ole viennissä tilaa, joten ne tuodaan avoimina, kuten Dataverse ne tuo, eikä yhtäkään lasketa valmistuneeksi; lisää \"Tila\" (statecode) aktiviteettitaulukoiden kenttiin viennin rakenteessa ja vie uudelleen, jotta ne lasketaan",
                ["InNoAccount.One"] = "{0} taulukon {1} tietue ei kuulu millekään tiedoston asiakkaalle (sen kohde, ylätietue tai asiakas puuttuu), joten sitä ei käytetty: {2}",
                ["InNoAccount.Other"] = "{0} taulukon {1} tietuetta ei kuulu millekään tiedoston asiakkaalle (niiden kohde, ylätietue tai asiakas puuttuu), joten niitä ei käytetty: {2}",
                ["ExcludedOfTable.One"] = "{0} arviointihetken jälkeen päivätty taulukon {1} tietue jätettiin pois",
                ["ExcludedOfTable.Other"] = "{0} arviointihetken jälkeen päivättyä taulukon {1} tietuetta jätettiin pois",
                ["AccountWithoutCreatedOn"] = "viennissä ei ole luontipäivää: arvioitu tämän tuonnin luomaksi, joten sitä ei arvioida vakiintuneena asiakkaana",
                ["ActivitiesWithoutStatus.One"] = "{0} aktiviteetilla ei ole viennissä tilaa: tuotu avoimena, joten sitä ei laskettu valmistuneeksi",
                ["ActivitiesWithoutStatus.Other"] = "{0} aktiviteetilla ei ole viennissä tilaa: tuotu avoimina, joten niitä ei laskettu valmistuneiksi",
                ["Ignored.InteractionWithoutDate"] = "aktiviteetti {1}: valmistunut ilman päivämäärää (ei toteutunutta eikä suunniteltua päättymistä); ei laskettu",
                ["Ignored.InteractionInFuture"] = "aktiviteetti {1}: valmistunut arviointihetken jälkeen; ei laskettu",
                ["Ignored.NegativeAmount"] = "aktiviteetti {1}: negatiivinen arvo tai huomionosoituksen negatiivinen kustannus; laskettu nollana",
                ["Ignored.AccountCreatedInFuture"] = "asiakas {1}: luotu arviointihetken jälkeen; arvioitu uutena asiakkaana",
                ["Ignored.UnknownPreferredChannel"] = "asiakas {1}: tuntematon arvo {2} kentässä loy_preferredchannel; ilmoitettu lukukelvottomana",
                ["Ignored.UnknownServiceCadence"] = "asiakas {1}: tuntematon arvo {2} kentässä loy_servicecadence; ilmoitettu lukukelvottomana",
                ["Ignored.UnknownChannel"] = "aktiviteetti {1}: tuntematon arvo {2} kentässä loy_channel; kanavaa käsitelty tuntemattomana",
                ["Ignored.UnknownInteractionClass"] = "aktiviteetti {1}: tuntematon arvo {2} kentässä loy_interactionclass; luokiteltu tyypin ja aiheen perusteella",
                ["Ignored.TableNotRead"] = "aktiviteetti {1}: malli ei lue taulukkoa '{2}'",
                ["Ignored.RegardingNotScored"] = "{2} {1} ei ole asiakas, yhteyshenkilö eikä myyntimahdollisuus.",
                ["Ignored.RecordGone"] = "{2} {1} ei ole enää olemassa.",
            },
        };

        /// <summary>
        /// The texts by language (merged into <see cref="UiText"/>'s words as "Note.&lt;key&gt;"); the English of what the plugins
        /// ignored is theirs (<see cref="IgnoredInput.English"/>), so the trace log and the report cannot drift apart.
        /// </summary>
        public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Texts { get; } = WithTheTracesEnglish();

        private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> WithTheTracesEnglish()
        {
            var texts = Written.ToDictionary(l => l.Key, l => l.Value);
            var english = texts["en"].ToDictionary(t => t.Key, t => t.Value);
            foreach (var kind in IgnoredInput.English) english[Ignored + kind.Key] = kind.Value.Replace("{record}", "{1}").Replace("{value}", "{2}");
            texts["en"] = english;
            return texts;
        }
    }
}
