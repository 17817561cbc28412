namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>Message names the product's steps are registered on.</summary>
    public static class MessageNames
    {
        public const string Create = "Create";
        public const string Update = "Update";
        public const string Delete = "Delete";
    }
}
