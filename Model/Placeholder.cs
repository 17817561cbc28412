namespace LoyaltyHealth.Model { internal static class Placeholder { } }
