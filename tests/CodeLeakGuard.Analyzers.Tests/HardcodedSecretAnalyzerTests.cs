using CodeLeakGuard.Analyzers.Secrets;
using CodeLeakGuard.Analyzers.Tests.Verifiers;
using CodeLeakGuard.Tests.Shared;

namespace CodeLeakGuard.Analyzers.Tests;

public class HardcodedSecretAnalyzerTests
{
    private static Task Verify(string markup, params (string Path, string Text)[] policy) =>
        new AnalyzerTest<HardcodedSecretAnalyzer> { Markup = markup, AdditionalFiles = policy, References = TestReferences.Runtime }.RunAsync();

    [Fact]
    public Task Cloud_keys_in_every_kind_of_literal_are_reported() => Verify($$""""
        class C
        {
            const string AccessKeyId = "{|CLG3001:{{FakeSecrets.AwsAccessKeyId}}|}";
            static readonly string Storage = @"DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey={|CLG3001:{{FakeSecrets.AzureAccountKey}}|}";
            static readonly string Raw = """{|CLG3001:{{FakeSecrets.GoogleApiKey}}|}""";
            static readonly byte[] Utf8 = "{|CLG3001:{{FakeSecrets.AzureAdClientSecret}}|}"u8.ToArray();
            string Bus(string name) => $"{name};SharedAccessKeyName=Root;SharedAccessKey={|CLG3001:{{FakeSecrets.AzureAccountKey}}|}";
        }
        """");

    [Fact]
    public Task AI_provider_keys_are_reported_with_their_own_kind() => Verify($$"""
        class C
        {
            string OpenAi = "{|CLG3001:{{FakeSecrets.OpenAIKey}}|}";
            string Anthropic = "{|CLG3001:{{FakeSecrets.AnthropicKey}}|}";
            string HuggingFace = "{|CLG3001:{{FakeSecrets.HuggingFaceToken}}|}";
        }
        """);

    [Fact]
    public Task Source_host_and_registry_tokens_are_reported() => Verify($$"""
        class C
        {
            string[] Tokens =
            {
                "{|CLG3001:{{FakeSecrets.GitHubToken}}|}",
                "{|CLG3001:{{FakeSecrets.GitHubFineGrainedToken}}|}",
                "{|CLG3001:{{FakeSecrets.GitLabToken}}|}",
                "{|CLG3001:{{FakeSecrets.NuGetApiKey}}|}",
                "{|CLG3001:{{FakeSecrets.NpmToken}}|}",
                "{|CLG3001:{{FakeSecrets.DockerHubToken}}|}",
            };
        }
        """);

    [Fact]
    public Task Payment_chat_and_mail_keys_are_reported() => Verify($$"""
        class C
        {
            string[] Keys =
            {
                "{|CLG3001:{{FakeSecrets.StripeKey}}|}",
                "{|CLG3001:{{FakeSecrets.SlackBotToken}}|}",
                "{|CLG3001:{{FakeSecrets.SlackWebhook}}|}",
                "{|CLG3001:{{FakeSecrets.TwilioApiKey}}|}",
                "{|CLG3001:{{FakeSecrets.SendGridKey}}|}",
                "{|CLG3001:{{FakeSecrets.MailgunKey}}|}",
            };
        }
        """);

    [Fact]
    public Task Tokens_private_keys_connection_strings_and_url_credentials_are_reported() => Verify($$"""
        class C
        {
            string Jwt = "Bearer {|CLG3001:{{FakeSecrets.Jwt}}|}";
            string Key = "{|CLG3001:{{FakeSecrets.PrivateKeyPem.Replace("\n", "\\n")}}|}";
            string Sql = "Server=sql-prod-01;User Id=app;Password={|CLG3001:{{FakeSecrets.DatabasePassword}}|};";
            string Feed = "https://{|CLG3001:deploy:{{FakeSecrets.GenericApiSecret}}|}@packages.contoso.com/v3/index.json";
            string Gcp = "{ \"type\": \"service_account\", \"private_key_id\": \"{|CLG3001:{{FakeSecrets.GcpPrivateKeyId}}|}\" }";
        }
        """);

    [Fact]
    public Task Secrets_split_across_constants_are_reported_on_the_folded_expression() => Verify($$"""
        class C
        {
            const string Prefix = "sk-proj-";
            const string Key = {|CLG3001:Prefix + "{{FakeSecrets.OpenAIKey.Substring(8, 24)}}" + "{{FakeSecrets.OpenAIKey.Substring(32)}}"|};
            string Interpolated = {|CLG3001:$"{Prefix}{{FakeSecrets.OpenAIKey.Substring(8)}}"|};
            string Message(string user) => "Hello " + user + ", your order is ready.";
        }
        """);

    [Fact]
    public Task Secret_like_values_given_to_sensitive_names_are_reported() => Verify($$"""
        using System.Collections.Generic;

        class Settings
        {
            public string Password { get; set; } = "";
            public string ApiKey { get; } = {|CLG3001:"{{FakeSecrets.GenericApiSecret}}"|};
            public string ClientSecret => {|CLG3001:"x9!Qw7#mZ2$kL5"|};
        }

        class C
        {
            void M(Dictionary<string, string> config, Settings settings)
            {
                var dbPassword = {|CLG3001:"Tr0ub4dor&3-prod"|};
                settings.Password = {|CLG3001:"S3cure!Passw0rd#2024"|};
                config["ClientSecret"] = {|CLG3001:"Zx8#vB2!nM4@qW6"|};
                Connect(token: {|CLG3001:"a7F!k2P#9xQz"|});
                var anonymous = new { Secret = {|CLG3001:"Qm4$Lp8!Vr2#"|} };
                var pairs = new Dictionary<string, string> { { "Password", {|CLG3001:"N0t$oS3cret!"|} } };
            }

            void Connect(string token) { }

            [Auth(ApiKey = {|CLG3001:"Vb7!rT3#pL9$"|})]
            void Guarded() { }
        }

        class AuthAttribute : System.Attribute
        {
            public string ApiKey { get; set; } = "";
        }
        """);

    /// <summary>
    /// A literal passed by position is a value given to its parameter's name: the framework's credential types and a
    /// method of the code's own, with the names' judgment the scanner and the masker make (a generated key for a name
    /// that is only a key). Arguments to parameters named otherwise, and values that read as text, are not reported.
    /// </summary>
    [Fact]
    public Task Secret_like_values_passed_by_position_to_sensitive_parameters_are_reported() => Verify("""
        using System.Net;

        class C
        {
            void M()
            {
                var credential = new NetworkCredential("svc_backup", {|CLG3001:"Tr0ub4dor&3-prod"|});
                Login("ops", {|CLG3001:"x9!Qw7#mZ2$kL5"|});
                Sign({|CLG3001:"q8Vt2LmZ7xR4pN9sK3wB6yH1cF5dJ0gA"|});
                Sign("orders-cache-2024-eu-west-1");
                Login("deploy-user", "Auth:Password");
                Log("Zx8#vB2!nM4@qW6");
            }

            void Login(string user, string password) { }

            void Sign(string key) { }

            void Log(string message) { }
        }
        """);

    [Fact]
    public Task Generated_keys_given_to_names_that_are_only_a_key_are_reported() => Verify("""
        class Settings
        {
            public string JwtKey { get; set; } = {|CLG3001:"q8Vt2LmZ7xR4pN9sK3wB6yH1cF5dJ0gA"|};
            public string CacheKey { get; set; } = "orders-cache-2024-eu-west-1";
            public string PartitionKey { get; set; } = "tenant-42";
        }
        """);

    [Fact]
    public Task Guids_hashes_placeholders_prose_and_descriptive_names_are_not_reported() => Verify("""
        using System;

        class C
        {
            // sk-proj-abcdefghijklmnopqrstuvwxyz0123456789 in a comment is not code.
            static readonly Guid Id = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
            const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
            const string ApiKey = "your-api-key-here";
            const string OpenAiKey = "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
            const string Help = "OpenAI keys start with sk- and must never be committed.";
            const string AwsDocsExample = "AKIAIOSFODNN7EXAMPLE";
            string password = "changeme";
            string Password2 = "${DB_PASSWORD}";
            string secretName = "orders-db-password-2024";
            string tokenUrl = "https://login.contoso.com/oauth2/v2.0/token";
            string PasswordSettingKey = "Auth:Password";
            string Mail = "ops@contoso.com";
            string Host = "build-07.corp";
            string Ip = "10.1.2.3";
            string Sql = "Server=.;Database=Orders;Integrated Security=true";
            string Template = "Server={0};Password={1}";
            string PublicKeyToken = "b77a5c561934e089";
            string Mscorlib = "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089";
        }
        """);

    [Fact]
    public Task Policy_secret_rules_are_reported_with_their_severity() => Verify($$"""
        class C
        {
            string Deploy = "{|CLG3001:ctso_{{FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 32, 1)}}|}";
        }
        """, ("/src/codeleakguard.policy", "secret \"Contoso deploy token\" pattern=\"ctso_[a-z0-9]{32}\" severity=warning"));

    [Fact]
    public async Task The_message_names_the_kind_and_never_the_value()
    {
        var key = FakeSecrets.StripeKey;
        var diagnostics = await new AnalyzerTest<HardcodedSecretAnalyzer>
        {
            Markup = $$"""class C { string K = "{{key}}"; }""",
            References = TestReferences.Runtime,
        }.GetDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);
        var message = diagnostic.GetMessage();
        Assert.Contains("Stripe secret or restricted key", message);
        Assert.DoesNotContain(key, message);
        Assert.DoesNotContain(key.Substring(8, 10), message);
        Assert.Equal("StripeKey", diagnostic.Properties[HardcodedSecretAnalyzer.KindProperty]);
    }

    [Fact]
    public async Task A_policy_rule_severity_is_applied()
    {
        var diagnostics = await new AnalyzerTest<HardcodedSecretAnalyzer>
        {
            Markup = """class C { string K = "ctso_0123456789abcdefghij0123456789ab"; }""",
            References = TestReferences.Runtime,
            AdditionalFiles = [("/src/codeleakguard.policy", "secret \"Contoso deploy token\" pattern=\"ctso_[a-z0-9]{32}\" severity=warning")],
        }.GetDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("ContosoDeployToken", diagnostic.GetMessage());
    }
}
