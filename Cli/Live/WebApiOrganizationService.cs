using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using LoyaltyHealth.Cli.Cmt;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>
    /// The SDK's <see cref="IOrganizationService"/> over the Dataverse Web API, for the few messages the tool
    /// sends: Retrieve, RetrieveMultiple with FetchXML, and the product's unbound Custom APIs. Anything else
    /// throws <see cref="NotSupportedException"/> naming the message, so the tool can never write by accident.
    /// <list type="bullet">
    /// <item>FetchXML goes as <c>GET {entityset}?fetchXml=…</c> with <c>Prefer: odata.include-annotations="*"</c>;
    /// the next page's cookie comes in <c>@Microsoft.Dynamics.CRM.fetchxmlpagingcookie</c> (a <c>cookie</c>
    /// element whose <c>pagingcookie</c> attribute is URL-encoded twice) and <c>@Microsoft.Dynamics.CRM.morerecords</c>
    /// ("Page large result sets with FetchXML").</item>
    /// <item>Retrieve is a FetchXML query by id, so columns keep their logical names (a <c>$select</c> needs the
    /// <c>_column_value</c> form of lookups, which needs metadata); no row is ObjectDoesNotExist (0x80040217).</item>
    /// <item>Entity set names are asked of <c>EntityDefinitions(LogicalName='…')</c> once per table.</item>
    /// <item>An error body <c>{"error":{"code":"0x…","message":"…"}}</c> becomes a
    /// <c>FaultException&lt;OrganizationServiceFault&gt;</c> with that code ("Troubleshoot Dataverse Web API client errors").</item>
    /// </list>
    /// </summary>
    public sealed class WebApiOrganizationService : IOrganizationService
    {
        public const string ApiPath = "api/data/v9.2/";
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);
        public const int PrivilegeDenied = unchecked((int)0x80040220);

        private readonly HttpClient _http;
        private readonly Uri _api;
        private readonly ConcurrentDictionary<string, string> _entitySets = new(StringComparer.Ordinal);

        public WebApiOrganizationService(HttpClient http, Uri environment)
        {
            _http = http;
            Environment = environment;
            _api = new Uri(environment, "/" + ApiPath);
        }

        public Uri Environment { get; }

        /// <summary>WhoAmI: the first request of a run, which tells a wrong URL or a refused sign-in apart from everything later.</summary>
        public Guid WhoAmI()
        {
            using var body = Send(HttpMethod.Get, "WhoAmI", null, "WhoAmI");
            return body.RootElement.GetProperty("UserId").GetGuid();
        }

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        {
            var primaryId = PrimaryId(entityName);
            var entity = new XElement("entity", new XAttribute("name", entityName),
                columnSet.AllColumns ? new XElement("all-attributes") : columnSet.Columns.Select(c => new XElement("attribute", new XAttribute("name", c))),
                new XElement("filter", new XElement("condition", new XAttribute("attribute", primaryId), new XAttribute("operator", "eq"), new XAttribute("value", id))));
            var found = RetrieveMultiple(new FetchExpression(new XElement("fetch", new XAttribute("top", 1), entity).ToString(SaveOptions.DisableFormatting))).Entities.FirstOrDefault();
            return found ?? throw Fault(ObjectDoesNotExist, $"{entityName} With Id = {id} Does Not Exist");
        }

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            if (query is not FetchExpression fetch) throw new NotSupportedException($"RetrieveMultiple with a {query.GetType().Name}: this tool sends FetchXML only.");
            var document = XElement.Parse(fetch.Query);
            var table = (string?)document.Element("entity")?.Attribute("name") ?? throw new ArgumentException("The FetchXML names no entity.");
            using var body = Send(HttpMethod.Get, $"{EntitySet(table)}?fetchXml={Uri.EscapeDataString(document.ToString(SaveOptions.DisableFormatting))}", null, "RetrieveMultiple");
            var root = body.RootElement;
            var primaryId = PrimaryId(table);
            var result = new EntityCollection { EntityName = table };
            foreach (var row in root.GetProperty("value").EnumerateArray())
            {
                var entity = ODataValues.ToEntity(table, primaryId, row);
                if (entity.Id == Guid.Empty && entity.GetAttributeValue<Guid?>(primaryId) is { } id) entity.Id = id;
                result.Entities.Add(entity);
            }
            result.MoreRecords = root.TryGetProperty("@Microsoft.Dynamics.CRM.morerecords", out var more) && more.ValueKind == JsonValueKind.True;
            if (root.TryGetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", out var cookie) && cookie.GetString() is { } text)
                result.PagingCookie = PagingCookie(text);
            return result;
        }

        public OrganizationResponse Execute(OrganizationRequest request)
        {
            switch (request)
            {
                case RetrieveMultipleRequest multiple:
                    return new RetrieveMultipleResponse { Results = { ["EntityCollection"] = RetrieveMultiple(multiple.Query) } };
                case RetrieveRequest single:
                    return new RetrieveResponse { Results = { ["Entity"] = Retrieve(single.Target.LogicalName, single.Target.Id, single.ColumnSet) } };
            }
            if (!request.RequestName.StartsWith("loy_", StringComparison.Ordinal) || request.Parameters.ContainsKey("Target"))
                throw new NotSupportedException($"{request.RequestName}: this tool sends only Retrieve, RetrieveMultiple with FetchXML and the product's unbound Custom APIs.");
            var json = JsonSerializer.Serialize(ODataValues.Parameters(request));
            using var body = Send(HttpMethod.Post, request.RequestName, json, request.RequestName);
            return new OrganizationResponse { ResponseName = request.RequestName, Results = ODataValues.Results(body.RootElement) };
        }

        public Guid Create(Entity entity) => throw Unsupported("Create");
        public void Update(Entity entity) => throw Unsupported("Update");
        public void Delete(string entityName, Guid id) => throw Unsupported("Delete");
        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw Unsupported("Associate");
        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw Unsupported("Disassociate");

        private static NotSupportedException Unsupported(string message) =>
            new($"{message}: this tool reads an environment and calls the product's Custom APIs; it never sends {message}.");

        /// <summary>The cookie to put in the next page's <c>paging-cookie</c>: the annotation's <c>pagingcookie</c>, URL-decoded twice.</summary>
        public static string PagingCookie(string annotation)
        {
            var element = XElement.Parse(annotation);
            var encoded = (string?)element.Attribute("pagingcookie") ?? throw new FormatException($"The paging cookie annotation has no pagingcookie: {annotation}");
            return Uri.UnescapeDataString(Uri.UnescapeDataString(encoded));
        }

        private static string PrimaryId(string table) => CmtCatalogue.Find(table)?.PrimaryId ?? table + "id";

        private string EntitySet(string table) => _entitySets.GetOrAdd(table, name =>
        {
            using var body = Send(HttpMethod.Get, $"EntityDefinitions(LogicalName='{name}')?$select=EntitySetName", null, "EntityDefinitions");
            return body.RootElement.GetProperty("EntitySetName").GetString()!;
        });

        private JsonDocument Send(HttpMethod method, string relative, string? json, string message)
        {
            using var request = new HttpRequestMessage(method, new Uri(_api, relative));
            request.Headers.Add("OData-MaxVersion", "4.0");
            request.Headers.Add("OData-Version", "4.0");
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Add("Prefer", "odata.include-annotations=\"*\"");
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            HttpResponseMessage response;
            try
            {
                // The handlers (sign-in, limits, retries) are asynchronous; HttpClient.Send would bypass them.
                response = _http.SendAsync(request).GetAwaiter().GetResult();
            }
            catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
            {
                throw new EnvironmentException($"{Environment.GetLeftPart(UriPartial.Authority)} did not answer {message} within {_http.Timeout.TotalMinutes:N0} minutes; try again later.", EnvironmentFailure.Unreachable, e);
            }
            catch (HttpRequestException e)
            {
                throw new EnvironmentException($"{Environment.GetLeftPart(UriPartial.Authority)} cannot be reached ({e.Message.Split('\n')[0]}); is the environment URL right (https://<org>.crm<n>.dynamics.com)?", EnvironmentFailure.Unreachable, e);
            }
            using (response)
            {
                var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    try
                    {
                        return JsonDocument.Parse(text);
                    }
                    catch (JsonException e)
                    {
                        throw new EnvironmentException($"{Environment.GetLeftPart(UriPartial.Authority)} answered {message} with something other than the Dataverse Web API's JSON; is it a Dataverse environment URL?", EnvironmentFailure.Unreachable, e);
                    }
                }
                throw Error(response.StatusCode, text, message);
            }
        }

        private Exception Error(HttpStatusCode status, string text, string message)
        {
            if (ErrorBody(text) is not { } error)
                return status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && message == "WhoAmI"
                    ? new EnvironmentException($"{Environment.GetLeftPart(UriPartial.Authority)} has no Dataverse Web API ({(int)status} for WhoAmI); is it the environment URL?", EnvironmentFailure.Unreachable)
                    : new EnvironmentException($"{message} failed with HTTP {(int)status} {status} and no Dataverse error.", status == HttpStatusCode.Forbidden ? EnvironmentFailure.NotPermitted : EnvironmentFailure.Unreachable);
            return Fault(error.Code, error.Message);
        }

        private static (int Code, string Message)? ErrorBody(string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (!document.RootElement.TryGetProperty("error", out var error)) return null;
                var code = error.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
                var number = code.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && uint.TryParse(code.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var n) ? unchecked((int)n) : 0;
                return (number, error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static FaultException<OrganizationServiceFault> Fault(int code, string message) =>
            new(new OrganizationServiceFault { ErrorCode = code, Message = message }, new FaultReason(message));
    }
}
