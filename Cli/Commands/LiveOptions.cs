using System.CommandLine;
using LoyaltyHealth.Cli.Live;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>The options of every command that works on a live environment: where, and how to sign in.</summary>
    public sealed class LiveOptions
    {
        public Option<string?> Environment { get; } = new("--environment") { Description = "The environment's URL, e.g. https://contoso.crm4.dynamics.com." };
        public Option<string?> ClientId { get; } = new("--client-id") { Description = "The application (client) id registered in Microsoft Entra ID." };
        public Option<string> Tenant { get; } = new("--tenant") { Description = "The tenant id or domain (default: organizations).", DefaultValueFactory = _ => "organizations" };
        public Option<string?> ClientSecretVariable { get; } = new("--client-secret-env") { Description = "Sign in as an application user with the client secret in this environment variable." };
        public Option<string?> Certificate { get; } = new("--certificate") { Description = "Sign in as an application user with this certificate (.pfx with private key)." };
        public Option<string?> CertificatePasswordVariable { get; } = new("--certificate-password-env") { Description = "The environment variable holding the .pfx file's password." };
        public Option<bool> DeviceCode { get; } = new("--device-code") { Description = "Sign in as a person with a code entered in a browser elsewhere." };
        public Option<bool> Interactive { get; } = new("--interactive") { Description = "Sign in as a person in this machine's browser." };

        public void AddTo(Command command, bool environmentRequired)
        {
            Environment.Required = environmentRequired;
            foreach (var option in new Option[] { Environment, ClientId, Tenant, ClientSecretVariable, Certificate, CertificatePasswordVariable, DeviceCode, Interactive })
                command.Options.Add(option);
        }

        /// <summary>Signs in to the environment the options name and checks the connection with WhoAmI.</summary>
        public EnvironmentConnection Connect(ParseResult parse, IAnsiConsole console, LiveSettings settings)
        {
            var url = parse.GetValue(Environment)!;
            var clientId = parse.GetValue(ClientId) ?? throw new CliException("--client-id is needed with --environment: the application (client) id registered in Microsoft Entra ID.");
            var signIn = new SignInOptions
            {
                ClientId = clientId,
                Tenant = parse.GetValue(Tenant)!,
                ClientSecretVariable = parse.GetValue(ClientSecretVariable),
                CertificatePath = parse.GetValue(Certificate),
                CertificatePasswordVariable = parse.GetValue(CertificatePasswordVariable),
                DeviceCode = parse.GetValue(DeviceCode),
                Interactive = parse.GetValue(Interactive),
            };
            var connection = EnvironmentConnection.Open(url, signIn, settings, message => console.MarkupLine(Markup.Escape(message)));
            console.MarkupLine($"Connected to [bold]{Markup.Escape(connection.Service.Environment.Host)}[/] as user {connection.UserId}.");
            return connection;
        }
    }
}
