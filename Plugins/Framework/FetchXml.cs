using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>Small builders for FetchXML, so values are always escaped and formatted invariantly.</summary>
    internal static class FetchXml
    {
        public static XElement Fetch(params object[] content) => new("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"), content);

        public static XElement Entity(string name, params object[] content) => new("entity", new XAttribute("name", name), content);

        public static XElement[] Attributes(params string[] names) => names.Select(n => new XElement("attribute", new XAttribute("name", n))).ToArray();

        public static XElement Link(string name, string from, string to, string alias, bool outer, params object[] content) =>
            new("link-entity", new XAttribute("name", name), new XAttribute("from", from), new XAttribute("to", to),
                new XAttribute("alias", alias), new XAttribute("link-type", outer ? "outer" : "inner"), content);

        public static XElement Filter(string type, params object[] conditions) => new("filter", new XAttribute("type", type), conditions);

        /// <summary>
        /// An <c>or</c> filter Dataverse runs as a union of one query per alternative, each able to use its own index
        /// ("Optimize performance using FetchXml", union hint: the filter must be <c>or</c>, one per query, at most
        /// three levels deep). The rows are the same as without the hint.
        /// </summary>
        public static XElement UnionFilter(params object[] conditions) => new("filter", new XAttribute("type", "or"), new XAttribute("hint", "union"), conditions);

        public static XElement Condition(string attribute, string op, object? value = null, string? entityName = null) =>
            new("condition",
                entityName is null ? null : new XAttribute("entityname", entityName),
                new XAttribute("attribute", attribute),
                new XAttribute("operator", op),
                value is null ? null : new XAttribute("value", Format(value)));

        public static XElement In(string attribute, params object[] values) => ValueList(attribute, "in", values);

        public static XElement NotIn(string attribute, params object[] values) => ValueList(attribute, "not-in", values);

        private static XElement ValueList(string attribute, string op, object[] values) =>
            new("condition", new XAttribute("attribute", attribute), new XAttribute("operator", op),
                values.Select(v => new XElement("value", Format(v))));

        public static XElement Order(string attribute, bool descending = false) =>
            new("order", new XAttribute("attribute", attribute), new XAttribute("descending", descending ? "true" : "false"));

        public static string Format(object value) => value switch
        {
            Guid g => g.ToString("D"),
            DateTime d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            bool b => b ? "1" : "0",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        /// <summary>Sets the page attributes of a query for one page of a paged read.</summary>
        public static string Page(XElement fetch, int page, int count, string? pagingCookie)
        {
            var copy = new XElement(fetch);
            copy.SetAttributeValue("page", page.ToString(CultureInfo.InvariantCulture));
            copy.SetAttributeValue("count", count.ToString(CultureInfo.InvariantCulture));
            copy.SetAttributeValue("paging-cookie", pagingCookie);
            return copy.ToString(SaveOptions.DisableFormatting);
        }
    }
}
