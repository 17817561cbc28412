namespace LoyaltyHealth.Plugins.Framework
{
    public enum ImageType
    {
        PreImage = 0,
        PostImage = 1,
    }
}
