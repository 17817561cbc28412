using System;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LoyaltyHealth.InMemory.Query
{
    // Dataverse's cookie shape: <cookie page="1"><accountid last="{...}" first="{...}" /></cookie>. The
    // next page starts after the "last" row, so rows added or removed before it do not shift the page.
    internal static class PagingCookie
    {
        // Written as text, not through XElement: every page of every query carries one, and the column name
        // and ids need no escaping.
        public static string Write(int page, string primaryIdColumn, Guid first, Guid last) =>
            "<cookie page=\"" + page.ToString(CultureInfo.InvariantCulture) + "\"><" + primaryIdColumn
            + " last=\"" + last.ToString("B").ToUpperInvariant() + "\" first=\"" + first.ToString("B").ToUpperInvariant() + "\" /></cookie>";

        public static Guid? LastId(string cookie)
        {
            try
            {
                var root = XElement.Parse(cookie);
                var key = root.Name.LocalName == "cookie" ? root.Elements().FirstOrDefault() : null;
                var last = (string?)key?.Attribute("last");
                if (last != null && Guid.TryParse(last, out var id))
                {
                    return id;
                }
            }
            catch (XmlException)
            {
            }

            throw DataverseFault.InvalidArgument($"Invalid paging cookie '{cookie}': pass back the PagingCookie of the previous page unchanged.");
        }
    }
}
