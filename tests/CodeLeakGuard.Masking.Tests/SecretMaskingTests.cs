using CodeLeakGuard.Policy;
using CodeLeakGuard.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Secrets become placeholders that keep every kind of string literal well-formed, and come back exactly.</summary>
public class SecretMaskingTests
{
    public static TheoryData<string, SyntaxKind> Literals()
    {
        var key = FakeSecrets.AnthropicKey;
        return new TheoryData<string, SyntaxKind>
        {
            { $"var a = \"{key}\";", SyntaxKind.StringLiteralExpression },
            { $"var a = \"line\\n{key}\\t\";", SyntaxKind.StringLiteralExpression },
            { $"var a = @\"C:\\keys\\{key} \"\"quoted\"\"\";", SyntaxKind.StringLiteralExpression },
            { $"var a = \"\"\"{key}\"\"\";", SyntaxKind.StringLiteralExpression },
            { $"var a = \"\"\"\n    header\n    {key}\n    \"\"\";", SyntaxKind.StringLiteralExpression },
            { $"var a = \"{key}\"u8;", SyntaxKind.Utf8StringLiteralExpression },
            { $"var a = $\"{{x}}:{key}\";", SyntaxKind.InterpolatedStringExpression },
            { $"var a = $@\"{{x}}\\{key}\";", SyntaxKind.InterpolatedStringExpression },
            { $"var a = $$\"\"\"{{{{x}}}} {key}\"\"\";", SyntaxKind.InterpolatedStringExpression },
        };
    }

    [Theory]
    [MemberData(nameof(Literals))]
    public void A_secret_in_any_kind_of_literal_becomes_a_placeholder_in_a_literal_of_the_same_kind(string statement, SyntaxKind kind)
    {
        var code = $"class C {{ void M(int x) {{ {statement} }} }}";
        var session = new MaskingSession();
        var masked = session.Mask(code, MaskKind.CSharp);

        Assert.DoesNotContain(FakeSecrets.AnthropicKey, masked.Text);
        Assert.Contains("<secret:AnthropicKey", masked.Text);
        var tree = CSharpSyntaxTree.ParseText(masked.Text);
        Assert.Empty(tree.GetDiagnostics());
        var literal = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.EqualsValueClauseSyntax>().Single().Value;
        Assert.Equal(kind, literal.Kind());
        Assert.Equal(code, session.Unmask(masked.Text).Text);
    }

    [Fact]
    public void Secrets_in_comments_prose_and_configuration_are_masked_and_the_same_secret_gets_the_same_placeholder()
    {
        var key = FakeSecrets.StripeKey;
        var session = new MaskingSession();
        var code = session.Mask($"// old key: {key}\nclass C {{ string K = \"{key}\"; }}", MaskKind.CSharp).Text;
        var json = session.Mask($"{{ \"Stripe\": {{ \"SecretKey\": \"{key}\" }}, \"Admin\": \"ops@contoso.com\" }}", MaskKind.PlainText).Text;

        var placeholder = System.Text.RegularExpressions.Regex.Match(code, "<secret:StripeKey[0-9]+>").Value;
        Assert.Equal(2, code.Split(placeholder).Length - 1);
        Assert.Contains(placeholder, json);
        Assert.DoesNotContain("ops@contoso.com", json);
    }

    [Fact]
    public void A_password_given_to_a_sensitive_name_is_masked_even_without_a_known_format()
    {
        var session = new MaskingSession();
        var masked = session.Mask("""
            class Db
            {
                string password = "Tr0ub4dor&3-orders";
                string greeting = "Tr0ub4dor&3-orders is not a name here";
                void M(System.Collections.Generic.Dictionary<string, string> c) { c["ApiKey"] = "x9!Qw7#mZ2$kL5"; }
            }
            """, MaskKind.CSharp);
        Assert.Equal(2, masked.Report.SecretsByKind["SecretAssignment"]);
        Assert.Contains("\"Tr0ub4dor&3-orders is not a name here\"", masked.Text);
        Assert.DoesNotContain("x9!Qw7#mZ2$kL5", masked.Text);
    }

    [Fact]
    public void Key_material_decoded_for_a_sensitive_name_is_masked()
    {
        const string hex = "a39797ecb152bdccacc6a10925b387fa64d5594333d441fb4c8e616c4ac0942d";
        const string text = "rate-card-signing-2025!xK";
        const string checksum = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        var masked = new MaskingSession().Mask($$"""
            class Keys
            {
                static readonly byte[] HmacKey = Convert.FromHexString("{{hex}}");
                static readonly SecurityKey SigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("{{text}}"));
                static readonly byte[] Checksum = Convert.FromHexString("{{checksum}}");
            }
            """, MaskKind.CSharp);

        Assert.Equal(2, masked.Report.SecretsByKind["SecretAssignment"]);
        Assert.DoesNotContain(text, masked.Text);
        Assert.DoesNotContain(hex, masked.Text);
        Assert.Contains(checksum, masked.Text); // a checksum is not a secret
    }

    [Theory]
    [InlineData("var cred = new NetworkCredential(\"svc_backup\", \"{0}\", \"CONTOSO\");", "7BjVkfPKgN1HzQgb")]
    [InlineData("var cert = new X509Certificate2(\"signing.pfx\", \"{0}\");", "1cNiWdVnaNZXFab0")]
    [InlineData("var credential = new ClientSecretCredential(\"fa658854-0b1c-4e40-9c2b-6c2a8b7d9e10\", clientId, \"{0}\");", "Jr7]r:C@FlgG[H@N[5bpwmZHDlCCF9kh")]
    [InlineData("var client = new AzureOpenAIClient(endpoint, new AzureKeyCredential(\"{0}\"));", "8dc3c773dbb8ae702faea49e554435b5")]
    [InlineData("TwilioClient.Init(\"AC5f0e8b1c2d3e4f5a6b7c8d9e0f1a2b3c\", \"{0}\");", "82212dbb6ab98c59a12adb0606fc9842")]
    [InlineData("client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", \"{0}\");", "3IhXKFyHOEACTMMvO6k8c4hvqB1NEepc")]
    [InlineData("var basic = new AuthenticationHeaderValue(\"Basic\", Convert.ToBase64String(Encoding.ASCII.GetBytes(\"svc-billing:{0}\")));", "8Ri0KSSeWkwqIOkC")]
    [InlineData("static readonly HMACSHA256 Mac = new(Encoding.UTF8.GetBytes(\"{0}\"));", "8bzerYjvVDQ3P7zam32RjGuymeUFG3R7")]
    [InlineData("var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"{0}\"));", "4t5DIcGJRcOYyAkgfx0VGjGbsDWN2UMG")]
    [InlineData("_http.DefaultRequestHeaders.TryAddWithoutValidation(\"api-key\", \"{0}\");", "43c59c798fccec9d0ef31b59799fd3e8")]
    [InlineData("Environment.SetEnvironmentVariable(\"DB_PASSWORD\", \"{0}\");", "XZn+c0cn7J5W5F2t")]
    [InlineData("const string SmtpPassword = \"{0}\";", "glacier-stumble-orbit-lantern")]
    [InlineData("static readonly byte[] JwtKey = Encoding.UTF8.GetBytes(\"{0}\");", "cc2c1dd4a8f04b7e9d3c61a5b2e8f7d4445c")]
    [InlineData("using var imap = new ImapClient(); imap.Authenticate(\"ops\", \"{0}\");", "eZ+ewqwD3!_4YHq%")]
    [InlineData("await smtp.AuthenticateAsync(\"alerts@contoso.com\", \"{0}\", ct);", "Jx8#pL2vQ9")]
    [InlineData("var client = new SearchClient(\"B1G2GM9NG0\", \"{0}\");", "fc3bcb205039e46e4672b8b748a6e6fc")]
    [InlineData("var mailjet = MailjetClient.Create(\"{0}\", secret);", "Q7vX2mN9pL4kR8tW3yZ6bC1d")]
    public void A_secret_given_to_a_credential_parameter_or_by_its_name_is_masked_in_code(string statement, string secret)
    {
        var masked = new MaskingSession().Mask("class C\n{\n    void M()\n    {\n        " + string.Format(statement, secret) + "\n    }\n}\n", MaskKind.CSharp).Text;

        Assert.DoesNotContain(secret, masked);
        Assert.Contains("<secret:", masked);
    }

    [Fact]
    public void A_user_name_a_scheme_and_ordinary_literals_beside_a_credential_stay()
    {
        var masked = new MaskingSession().Mask("""
            class C
            {
                void M()
                {
                    var cred = new NetworkCredential("svc_backup", "7BjVkfPKgN1HzQgb");
                    var header = new AuthenticationHeaderValue("Bearer", token);
                    var key = "orders-2024-eu-west-1";
                    Console.WriteLine("Password", hint);
                    var search = new SearchClient(new Uri("https://search.contoso.net"), "hotels", credential);
                    var algolia = new SearchClient("B1G2GM9NG0", apiKey);
                }
            }
            """, MaskKind.CSharp).Text;

        Assert.Contains("\"Bearer\"", masked);
        Assert.Contains("\"hotels\"", masked);
        Assert.Contains("\"B1G2GM9NG0\"", masked);
        Assert.Contains("\"orders-2024-eu-west-1\"", masked);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(masked, "<secret:"));
    }

    [Fact]
    public void A_password_in_a_chat_table_column_named_so_is_masked_and_the_other_cells_stay()
    {
        var masked = new MaskingSession().Mask(
            "Accounts for the test run:\n\n| Env | User | Password |\n|---|---|---|\n| staging | svc_orders | 3VPaQzfZseGM2X3g |\n| prod | svc_orders | `Kd93!xPq0Zt` |\n",
            MaskKind.Markdown).Text;

        Assert.DoesNotContain("3VPaQzfZseGM2X3g", masked);
        Assert.DoesNotContain("Kd93!xPq0Zt", masked);
        Assert.Contains("| staging |", masked);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(masked, "<secret:").Count);
    }

    [Theory]
    [InlineData("    env:\n      - name: RateCard__SigningKey\n        value: \"{0}\"\n      - name: Logging__Level\n        value: \"{1}\"\n")]
    [InlineData("{{ \"env\": [{{ \"name\": \"DB_PASSWORD\", \"value\": \"{0}\" }}, {{ \"name\": \"LOG_LEVEL\", \"value\": \"{1}\" }}] }};\n")]
    public void A_secret_set_by_name_and_value_in_configuration_read_as_code_is_masked(string configuration)
    {
        const string secret = "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a";
        const string level = "Information-2";
        var masked = new MaskingSession().Mask(string.Format(configuration, secret, level), MaskKind.CSharp);

        Assert.DoesNotContain(secret, masked.Text);
        Assert.Contains(level, masked.Text);
    }

    [Fact]
    public void A_policy_rule_that_times_out_masks_the_whole_literal()
    {
        var policy = AiPolicy.Parse("secret Evil pattern=\"(a+)+$\"", "codeleakguard.policy");
        var session = new MaskingSession(new MaskingOptions { Policy = policy });
        var code = "class C { string S = \"" + new string('a', 30_000) + "!\"; }";
        var masked = session.Mask(code, MaskKind.CSharp);
        Assert.Equal(1, masked.Report.SecretsByKind["Unscannable"]);
        Assert.DoesNotContain("aaaa", masked.Text);
        Assert.Equal(code, session.Unmask(masked.Text).Text);
    }

    [Fact]
    public void Internal_hosts_emails_and_private_addresses_are_masked_in_code()
    {
        var session = new MaskingSession();
        var masked = session.Mask("""
            class Net
            {
                string Db = "Server=sql-01.corp;Database=Orders";
                string Printer = "192.168.40.77";
                string Owner = "maria.keller@contoso.com";
                string Public = "https://learn.microsoft.com/dotnet";
            }
            """, MaskKind.CSharp);
        Assert.Equal(1, masked.Report.SecretsByKind["InternalHost"]);
        Assert.Equal(1, masked.Report.SecretsByKind["PrivateIpAddress"]);
        Assert.Equal(1, masked.Report.SecretsByKind["EmailAddress"]);
        Assert.Contains("https://learn.microsoft.com/dotnet", masked.Text);
    }
}
