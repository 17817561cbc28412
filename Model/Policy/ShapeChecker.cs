using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace LoyaltyHealth.Model.Policy
{
    /// <summary>
    /// Checks a JSON document against the policy's classes before anything is deserialised:
    /// unknown fields, nulls and values of the wrong type are each reported with their path.
    /// </summary>
    internal static class ShapeChecker
    {
        public static void Check(JObject obj, Type type, IContractResolver resolver, List<PolicyProblem> problems)
        {
            var contract = (JsonObjectContract)resolver.ResolveContract(type);
            foreach (var property in obj.Properties())
            {
                var member = contract.Properties.GetClosestMatchProperty(property.Name);
                if (member is null || member.Ignored || !member.Writable)
                {
                    var known = string.Join(", ", contract.Properties.Where(p => !p.Ignored).Select(p => p.PropertyName));
                    problems.Add(Problem(property, $"unknown field '{property.Name}' (known fields here: {known})"));
                    continue;
                }
                CheckValue(property.Value, member.PropertyType!, resolver, problems);
            }
        }

        private static void CheckValue(JToken value, Type type, IContractResolver resolver, List<PolicyProblem> problems)
        {
            if (value.Type == JTokenType.Null)
            {
                problems.Add(Problem(value, "must not be null; leave the field out to keep the default"));
                return;
            }

            if (type == typeof(int))
            {
                if (value.Type == JTokenType.Integer)
                {
                    if (value.Value<long>() is < int.MinValue or > int.MaxValue) problems.Add(Problem(value, "whole number out of range"));
                }
                else problems.Add(Problem(value, "expected a whole number, found " + PolicyLoader.Describe(value)));
            }
            else if (type == typeof(decimal))
            {
                if (value.Type is not (JTokenType.Integer or JTokenType.Float))
                    problems.Add(Problem(value, "expected a number, found " + PolicyLoader.Describe(value)));
            }
            else if (type == typeof(string))
            {
                if (value.Type != JTokenType.String)
                    problems.Add(Problem(value, "expected a text, found " + PolicyLoader.Describe(value)));
            }
            else if (type == typeof(bool))
            {
                if (value.Type != JTokenType.Boolean)
                    problems.Add(Problem(value, "expected true or false, found " + PolicyLoader.Describe(value)));
            }
            else if (type == typeof(List<string>))
            {
                if (value is not JArray array)
                {
                    problems.Add(Problem(value, "expected a list of words, found " + PolicyLoader.Describe(value)));
                    return;
                }
                foreach (var item in array.Where(i => i.Type != JTokenType.String))
                    problems.Add(Problem(item, "expected a word, found " + PolicyLoader.Describe(item)));
            }
            else if (value is JObject nested)
            {
                Check(nested, type, resolver, problems);
            }
            else
            {
                problems.Add(Problem(value, "expected an object, found " + PolicyLoader.Describe(value)));
            }
        }

        private static PolicyProblem Problem(JToken token, string message)
        {
            var where = token is IJsonLineInfo info && info.HasLineInfo()
                ? $" (line {info.LineNumber}, position {info.LinePosition})"
                : "";
            return new PolicyProblem(PolicyLoader.ToJsonPath(token.Path), message + where);
        }
    }
}
