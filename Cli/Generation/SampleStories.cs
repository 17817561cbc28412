using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using static LoyaltyHealth.Plugins.Schema.OptionValues;

namespace LoyaltyHealth.Cli.Generation
{
    /// <summary>
    /// The bundled sample organisation: fourteen accounts, each telling one story of the domain brief
    /// over several years, so trends, decay, perk dependence and follow-ups all show. The committed
    /// SampleData/*.xml files are this organisation written as a Configuration Migration file
    /// (<c>loyalty generate --sample</c> rewrites them).
    /// </summary>
    public static class SampleStories
    {
        /// <summary>The moment the sample was exported; the demo scores as of then unless told otherwise.</summary>
        public static readonly DateTime AsOf = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

        public static OrganisationBuilder Build()
        {
            var b = new OrganisationBuilder();
            DoughnutCustomer(b);
            FridayLunches(b);
            MonthlyInPerson(b);
            QuarterlyPhone(b);
            SingleThreaded(b);
            BrandNew(b);
            PerksAlongsideValue(b);
            Declining(b);
            Recovering(b);
            VideoCustomer(b);
            ReferenceCustomer(b);
            GoalsNeverDocumented(b);
            OneWayEmails(b);
            QuietAccount(b);
            return b;
        }

        /// <summary>Monthly doughnuts for five years, one contact, no value reports, nobody asked what service they want.</summary>
        private static void DoughnutCustomer(OrganisationBuilder b)
        {
            var a = b.Account("Harbour Bakery Supplies", D(2021, 7, 1));
            var frank = b.Contact(a, "Frank Weber", "Purchasing", ContactSchema.RoleEmployee);
            foreach (var month in Months(D(2021, 7, 8), AsOf)) b.Perk(a, month, "Doughnut delivery for the purchasing team", PerkKindGift, 45m, frank);
            foreach (var year in Years(D(2021, 12, 15), AsOf)) b.Perk(a, year, "Baseball caps for the team", PerkKindMerchandise, 120m, frank);
            foreach (var quarter in Every(D(2021, 9, 20), AsOf, 91)) b.Email(a, quarter, "Order confirmation", true, frank);
        }

        /// <summary>Long Friday lunches every three weeks; goals written down once, years ago.</summary>
        private static void FridayLunches(OrganisationBuilder b)
        {
            var a = b.Account("Nordlicht Engineering", D(2022, 3, 1));
            a[AccountSchema.CustomerGoals] = "Expand the service workshop";
            a[AccountSchema.GoalsReviewedOn] = D(2022, 4, 1);
            var jana = b.Contact(a, "Jana Hoffmann", "Operations", ContactSchema.RoleInfluencer);
            var tim = b.Contact(a, "Tim Becker", "Procurement", ContactSchema.RoleEmployee);
            foreach (var friday in Every(D(2022, 3, 11), AsOf, 21)) b.Perk(a, friday, "Long Friday lunch at Da Mario", PerkKindMeal, 160m, jana);
            foreach (var call in Every(D(2022, 5, 2), AsOf, 70)) b.Call(a, call, "Catch-up call", true, jana, tim);
        }

        /// <summary>Asked for a monthly in-person review and gets it, with value reported quarterly in money.</summary>
        private static void MonthlyInPerson(OrganisationBuilder b)
        {
            var a = b.Account("Alpine Foods Group", D(2021, 9, 1));
            Agree(a, CadenceMonthly, ChannelInPerson);
            Goals(a, "Cut logistics cost by 8 %; open two regional warehouses", D(2026, 5, 10));
            var people = new[]
            {
                b.Contact(a, "Maria Rossi", "Finance", ContactSchema.RoleDecisionMaker),
                b.Contact(a, "Lukas Meier", "Operations", ContactSchema.RoleInfluencer),
                b.Contact(a, "Sofia Berg", "Logistics", ContactSchema.RoleEmployee),
                b.Contact(a, "Ahmed Khan", "IT", ContactSchema.RoleEmployee),
                b.Contact(a, "Nina Lund", "Procurement", ContactSchema.RoleEmployee),
            };
            var i = 0;
            foreach (var month in Months(D(2021, 9, 14), AsOf))
            {
                b.Meeting(a, month, "Monthly operations review", ChannelInPerson, people[i % 5], people[(i + 2) % 5]);
                if (i % 3 == 2) b.Email(a, month.AddDays(6), "Question about the delivery plan", false, people[(i + 1) % 5]);
                i++;
            }
            foreach (var quarter in Every(D(2021, 12, 5), AsOf, 91)) b.ValueReport(a, quarter, "Quarterly value report", 35000m + quarter.Month * 1500m, ChannelInPerson, people[0], people[1]);
            foreach (var half in Every(D(2022, 2, 20), AsOf, 182))
                OrganisationBuilder.LoggedAs(b.Meeting(a, half, "Improvement proposal: cross-docking", ChannelInPerson, people[2], people[1]), ClassValue);
        }

        /// <summary>Asked for one phone call a quarter and gets exactly that, with value reported twice a year.</summary>
        private static void QuarterlyPhone(OrganisationBuilder b)
        {
            var a = b.Account("Kestrel Insurance", D(2022, 1, 15));
            Agree(a, CadenceQuarterly, ChannelPhone);
            Goals(a, "Shorten claims handling to five days", D(2026, 2, 20));
            var anna = b.Contact(a, "Anna Novak", "Claims", ContactSchema.RoleDecisionMaker);
            var piet = b.Contact(a, "Piet de Vries", "IT", ContactSchema.RoleEmployee);
            var lena = b.Contact(a, "Lena Fischer", "Finance", ContactSchema.RoleInfluencer);
            var i = 0;
            foreach (var quarter in Every(D(2022, 2, 10), AsOf, 91))
            {
                b.Call(a, quarter, "Quarterly service call", i % 3 != 2, i % 2 == 0 ? anna : lena, piet);
                i++;
            }
            foreach (var half in Every(D(2022, 6, 30), AsOf, 182)) b.ValueReport(a, half, "Half-yearly value summary", 18000m, ChannelPhone, anna, lena);
            foreach (var year in Every(D(2022, 9, 1), AsOf, 365))
                OrganisationBuilder.LoggedAs(b.Email(a, year, "Insight: claims workflow benchmark", true, anna, piet), ClassValue);
        }

        /// <summary>Served well, but everything runs through one person.</summary>
        private static void SingleThreaded(OrganisationBuilder b)
        {
            var a = b.Account("Solent Marine", D(2022, 5, 1));
            Agree(a, CadenceMonthly, ChannelInPerson);
            Goals(a, "Renew the ferry fleet maintenance contract", D(2026, 3, 1));
            var tom = b.Contact(a, "Tom Harris", "Fleet", ContactSchema.RoleDecisionMaker);
            b.Contact(a, "Emily Clark", "Finance", ContactSchema.RoleEmployee);
            b.Contact(a, "George Hall", "Safety", ContactSchema.RoleEmployee);
            foreach (var month in Months(D(2022, 5, 20), AsOf)) b.Meeting(a, month, "Monthly fleet review", ChannelInPerson, tom);
            foreach (var quarter in Every(D(2022, 8, 1), AsOf, 91)) b.ValueReport(a, quarter, "Quarterly value report", 22000m, ChannelInPerson, tom);
            foreach (var mail in Every(D(2022, 6, 3), AsOf, 45)) b.Email(a, mail, "Parts availability", false, tom);
        }

        /// <summary>Created last month: too young to judge.</summary>
        private static void BrandNew(OrganisationBuilder b)
        {
            var a = b.Account("Brightwater Analytics", AsOf.AddDays(-25));
            var zoe = b.Contact(a, "Zoe Martin", "Data", ContactSchema.RoleDecisionMaker);
            b.Email(a, AsOf.AddDays(-20), "Welcome and next steps", true, zoe);
            b.Meeting(a, AsOf.AddDays(-12), "Kick-off workshop", ChannelVideo, zoe);
            b.Email(a, AsOf.AddDays(-8), "Question about onboarding", false, zoe);
        }

        /// <summary>Cup final tickets and hampers next to large, regularly reported value: no concern.</summary>
        private static void PerksAlongsideValue(OrganisationBuilder b)
        {
            var a = b.Account("Grand Central Hotels", D(2021, 11, 1));
            Agree(a, CadenceMonthly, ChannelInPerson);
            Goals(a, "Raise occupancy through corporate partnerships", D(2026, 4, 15));
            var people = new[]
            {
                b.Contact(a, "Olivia Brown", "Executive Board", ContactSchema.RoleDecisionMaker),
                b.Contact(a, "Noah Wilson", "Revenue", ContactSchema.RoleInfluencer),
                b.Contact(a, "Emma Davis", "Operations", ContactSchema.RoleEmployee),
                b.Contact(a, "Liam Evans", "Marketing", ContactSchema.RoleEmployee),
                b.Contact(a, "Ava Thomas", "Finance", ContactSchema.RoleEmployee),
            };
            var i = 0;
            foreach (var month in Months(D(2021, 11, 18), AsOf))
            {
                b.Meeting(a, month, "Monthly partnership review", ChannelInPerson, people[i % 5], people[(i + 1) % 5], people[(i + 3) % 5]);
                if (i % 2 == 1) b.Email(a, month.AddDays(9), "Request: group booking figures", false, people[(i + 2) % 5]);
                i++;
            }
            foreach (var quarter in Every(D(2022, 1, 25), AsOf, 91)) b.ValueReport(a, quarter, "Quarterly value report", 120000m, ChannelInPerson, people[0], people[1]);
            foreach (var quarter in Every(D(2022, 2, 12), AsOf, 91)) b.Perk(a, quarter, "Tickets for the cup final", PerkKindEventTickets, 400m, people[1]);
            foreach (var year in Years(D(2021, 12, 18), AsOf)) b.Perk(a, year, "Christmas hamper", PerkKindGift, 150m, people[0]);
            foreach (var half in Every(D(2022, 4, 5), AsOf, 182))
                OrganisationBuilder.LoggedAs(b.Meeting(a, half, "Insight: corporate travel trends", ChannelInPerson, people[0], people[3]), ClassValue);
        }

        /// <summary>Served as asked for years, then the visits and value reports stopped half a year ago.</summary>
        private static void Declining(OrganisationBuilder b)
        {
            var a = b.Account("Riverside Logistics", D(2021, 6, 1));
            Agree(a, CadenceMonthly, ChannelInPerson);
            Goals(a, "Automate cross-border customs paperwork", D(2024, 9, 1));
            var people = new[]
            {
                b.Contact(a, "Carlos Diaz", "Operations", ContactSchema.RoleDecisionMaker),
                b.Contact(a, "Hannah Schulz", "Customs", ContactSchema.RoleEmployee),
                b.Contact(a, "Marek Kowalski", "IT", ContactSchema.RoleEmployee),
            };
            var until = D(2026, 2, 15);
            var i = 0;
            foreach (var month in Months(D(2021, 6, 15), until))
            {
                b.Meeting(a, month, "Monthly operations review", ChannelInPerson, people[i % 3], people[(i + 1) % 3]);
                i++;
            }
            foreach (var quarter in Every(D(2021, 9, 10), D(2025, 12, 31), 91)) b.ValueReport(a, quarter, "Quarterly value report", 28000m, ChannelInPerson, people[0]);
            b.Email(a, D(2026, 2, 3), "Complaint about delivery delays", false, people[1]);
            b.Email(a, D(2026, 2, 4), "Re: Complaint about delivery delays", true, people[1]);
        }

        /// <summary>Neglected for years; since last autumn goals are documented and a monthly video call is kept.</summary>
        private static void Recovering(OrganisationBuilder b)
        {
            var a = b.Account("Copperfield Retail", D(2022, 2, 1));
            Agree(a, CadenceMonthly, ChannelVideo);
            Goals(a, "Unify the store and web shop assortment", D(2025, 10, 15));
            var ines = b.Contact(a, "Ines Costa", "E-commerce", ContactSchema.RoleDecisionMaker);
            var paul = b.Contact(a, "Paul Girard", "Stores", ContactSchema.RoleInfluencer);
            var mia = b.Contact(a, "Mia Jensen", "Finance", ContactSchema.RoleEmployee, D(2025, 9, 1));
            foreach (var mail in Every(D(2022, 4, 1), D(2025, 9, 30), 120)) b.Email(a, mail, "Price list", true, ines);
            var i = 0;
            foreach (var month in Months(D(2025, 10, 20), AsOf))
            {
                b.Meeting(a, month, "Monthly assortment call", ChannelVideo, ines, i % 2 == 0 ? paul : mia);
                if (i % 2 == 0) b.Email(a, month.AddDays(5), "Idea for the autumn range", false, paul);
                i++;
            }
            foreach (var quarter in Every(D(2025, 12, 1), AsOf, 91)) b.ValueReport(a, quarter, "Quarterly value report", 15000m, ChannelVideo, ines, mia);
            OrganisationBuilder.LoggedAs(b.Meeting(a, D(2026, 3, 10), "Improvement proposal: shared stock view", ChannelVideo, ines, paul, mia), ClassValue);
        }

        /// <summary>Asked for monthly video calls; sometimes the seller comes in person instead.</summary>
        private static void VideoCustomer(OrganisationBuilder b)
        {
            var a = b.Account("Fjord Shipping", D(2022, 6, 1));
            Agree(a, CadenceMonthly, ChannelVideo);
            Goals(a, "Lower fuel cost per nautical mile", D(2026, 1, 12));
            var erik = b.Contact(a, "Erik Olsen", "Fleet", ContactSchema.RoleDecisionMaker);
            var sara = b.Contact(a, "Sara Holm", "Finance", ContactSchema.RoleEmployee);
            var lars = b.Contact(a, "Lars Dahl", "Technical", ContactSchema.RoleEmployee);
            var i = 0;
            foreach (var month in Months(D(2022, 6, 22), AsOf))
            {
                b.Meeting(a, month, "Monthly fuel review", i % 4 == 3 ? ChannelInPerson : ChannelVideo, i % 3 == 0 ? erik : lars, i % 2 == 0 ? sara : lars);
                if (i % 3 == 0) b.Email(a, month.AddDays(3), "Data for the fuel review", false, lars);
                i++;
            }
            foreach (var quarter in Every(D(2022, 9, 15), AsOf, 91)) b.ValueReport(a, quarter, "Quarterly savings report", 26000m, ChannelVideo, erik, sara);
        }

        /// <summary>Quarterly visits, value reported, and the customer recommends us to others.</summary>
        private static void ReferenceCustomer(OrganisationBuilder b)
        {
            var a = b.Account("Mosaic Architects", D(2021, 10, 1));
            Agree(a, CadenceQuarterly, ChannelInPerson);
            Goals(a, "Win more public tenders", D(2026, 1, 30));
            a[AccountSchema.IsReference] = true;
            var rosa = b.Contact(a, "Rosa Vidal", "Partners", ContactSchema.RoleDecisionMaker);
            var ben = b.Contact(a, "Ben Scott", "Projects", ContactSchema.RoleInfluencer);
            var ida = b.Contact(a, "Ida Berg", "Office", ContactSchema.RoleEmployee);
            var i = 0;
            foreach (var quarter in Every(D(2021, 11, 3), AsOf, 91))
            {
                b.Meeting(a, quarter, "Quarterly partner meeting", ChannelInPerson, i % 2 == 0 ? rosa : ida, ben);
                b.ValueReport(a, quarter.AddDays(2), "Quarterly value report", 9000m, ChannelInPerson, i % 2 == 0 ? ben : rosa);
                b.Email(a, quarter.AddDays(20), "Referral: a colleague asked about you", false, i % 2 == 0 ? rosa : ida);
                i++;
            }
            foreach (var year in Every(D(2022, 5, 5), AsOf, 365))
                OrganisationBuilder.LoggedAs(b.Meeting(a, year, "Improvement proposal: tender templates", ChannelInPerson, ben, ida), ClassValue);
        }

        /// <summary>The agreed monthly call is kept, but nobody documented the customer's goals, and value has no money figure.</summary>
        private static void GoalsNeverDocumented(OrganisationBuilder b)
        {
            var a = b.Account("Pioneer Utilities", D(2022, 4, 1));
            Agree(a, CadenceMonthly, ChannelPhone);
            var ray = b.Contact(a, "Ray Cooper", "Grid Operations", ContactSchema.RoleInfluencer);
            var kim = b.Contact(a, "Kim Lee", "Procurement", ContactSchema.RoleEmployee);
            var i = 0;
            foreach (var month in Months(D(2022, 4, 18), AsOf))
            {
                b.Call(a, month, "Monthly service call", i % 3 != 0, ray, kim);
                i++;
            }
            foreach (var half in Every(D(2022, 10, 1), AsOf, 182)) b.ValueReport(a, half, "Service summary", null, ChannelPhone, ray);
        }

        /// <summary>Newsletters and offers go out every two weeks; the customer rarely answers.</summary>
        private static void OneWayEmails(OrganisationBuilder b)
        {
            var a = b.Account("Summit Outdoor", D(2022, 1, 10));
            var joe = b.Contact(a, "Joe Miller", "Buying", ContactSchema.RoleEmployee);
            var amy = b.Contact(a, "Amy Young", "Marketing", ContactSchema.RoleEmployee);
            var i = 0;
            foreach (var fortnight in Every(D(2022, 1, 24), AsOf, 14))
            {
                b.Email(a, fortnight, "New offers for the season", true, joe, amy);
                if (i % 20 == 19) b.Email(a, fortnight.AddDays(2), "Re: New offers for the season", false, joe);
                i++;
            }
            foreach (var quarter in Every(D(2022, 3, 1), AsOf, 91)) b.Call(a, quarter, "Sales call", true, joe);
        }

        /// <summary>A few emails after it was opened, then silence: no evidence to judge by.</summary>
        private static void QuietAccount(OrganisationBuilder b)
        {
            var a = b.Account("Lakeside Clinics", D(2022, 9, 1));
            var eva = b.Contact(a, "Eva Richter", "Administration", null);
            b.Email(a, D(2022, 9, 12), "Introduction", true, eva);
            b.Email(a, D(2023, 1, 20), "Brochure", true, eva);
            b.Email(a, D(2023, 6, 2), "Checking in", true, eva);
        }

        private static void Agree(Entity account, int cadence, int channel)
        {
            account[AccountSchema.ServiceCadence] = new OptionSetValue(cadence);
            account[AccountSchema.PreferredChannel] = new OptionSetValue(channel);
        }

        private static void Goals(Entity account, string goals, DateTime reviewedOn)
        {
            account[AccountSchema.CustomerGoals] = goals;
            account[AccountSchema.GoalsReviewedOn] = reviewedOn;
        }

        private static DateTime D(int year, int month, int day) => new(year, month, day, 10, 0, 0, DateTimeKind.Utc);

        private static IEnumerable<DateTime> Months(DateTime first, DateTime until) =>
            Enumerable.Range(0, 1000).Select(first.AddMonths).TakeWhile(d => d < until);

        private static IEnumerable<DateTime> Years(DateTime first, DateTime until) =>
            Enumerable.Range(0, 100).Select(first.AddYears).TakeWhile(d => d < until);

        private static IEnumerable<DateTime> Every(DateTime first, DateTime until, int days) =>
            Enumerable.Range(0, 10000).Select(n => first.AddDays(n * days)).TakeWhile(d => d < until);
    }
}
