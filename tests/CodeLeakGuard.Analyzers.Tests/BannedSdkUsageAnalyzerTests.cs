using CodeLeakGuard.Analyzers.BannedSdk;
using CodeLeakGuard.Analyzers.Tests.Verifiers;

namespace CodeLeakGuard.Analyzers.Tests;

/// <summary>CLG1001 against the real Anthropic 13.12.0 and OpenAI 2.15.0 assemblies.</summary>
public class BannedSdkUsageAnalyzerTests
{
    private static Task Verify(string markup, params (string Path, string Text)[] policy) =>
        new AnalyzerTest<BannedSdkUsageAnalyzer> { Markup = markup, AdditionalFiles = policy }.RunAsync();

    [Fact]
    public Task Using_directives_of_every_kind_are_reported() => Verify("""
        using {|CLG1001:Anthropic|};
        using {|CLG1001:OpenAI.Chat|};
        using static {|CLG1001:OpenAI.Chat.ChatMessage|};
        using Chat = {|CLG1001:OpenAI.Chat.ChatClient|};
        using System.Text;

        class C { }
        """);

    [Fact]
    public Task Global_using_is_reported() => Verify("""
        global using {|CLG1001:OpenAI|};
        class C { }
        """);

    [Fact]
    public Task Alias_uses_are_reported_where_the_alias_is_used() => Verify("""
        using Chat = {|CLG1001:OpenAI.Chat.ChatClient|};

        class C
        {
            {|CLG1001:Chat|}? _client;
        }
        """);

    [Fact]
    public Task Types_in_declarations_are_reported() => Verify("""
        using System.Collections.Generic;
        using System.Threading.Tasks;

        class C<T> where T : {|CLG1001:OpenAI.Chat.ChatClient|}
        {
            private {|CLG1001:OpenAI.Chat.ChatClient|}? _field;
            public {|CLG1001:OpenAI.Chat.ChatClient|}? Property { get; set; }
            public List<{|CLG1001:OpenAI.Chat.ChatMessage|}> Messages { get; } = new();
            public {|CLG1001:OpenAI.Chat.ChatMessage|}[] Array = [];
            public ({|CLG1001:OpenAI.Chat.ChatClient|} Client, int Count) Tuple;

            public Task<{|CLG1001:OpenAI.Chat.ChatCompletion|}>? Run({|CLG1001:Anthropic.AnthropicClient|} client) => null;
        }
        """);

    [Fact]
    public Task Creation_invocation_and_member_access_are_reported() => Verify("""
        class C
        {
            void M()
            {
                {|CLG1001:OpenAI.Chat.ChatClient|} client = new {|CLG1001:OpenAI.Chat.ChatClient|}("gpt-4o", "key");
                client.{|CLG1001:CompleteChat|}("Say 'this is a test.'");
                {|CLG1001:var|} message = {|CLG1001:OpenAI.Chat.ChatMessage.CreateUserMessage|}("hi");
            }
        }
        """);

    [Fact]
    public Task Var_whose_inferred_type_is_banned_is_reported() => Verify("""
        class C
        {
            void M(System.Func<object> factory)
            {
                {|CLG1001:var|} client = Create();
                var plain = factory();
            }

            static {|CLG1001:OpenAI.OpenAIClient|} Create() => null!;
        }
        """);

    [Fact]
    public Task Base_types_interfaces_typeof_nameof_casts_patterns_default_are_reported() => Verify("""
        class Derived : {|CLG1001:OpenAI.Chat.ChatClient|}
        {
            object[] M(object o) => new object[]
            {
                typeof({|CLG1001:Anthropic.AnthropicClient|}),
                nameof({|CLG1001:Anthropic.AnthropicClient|}),
                ({|CLG1001:OpenAI.Chat.ChatClient|})o,
                o is {|CLG1001:OpenAI.Chat.ChatClient|} c ? c : o,
                default({|CLG1001:OpenAI.Chat.ChatFinishReason|}),
            };
        }
        """);

    [Fact]
    public Task Cref_in_xml_docs_is_reported() => Verify("""
        /// <summary>Wraps <see cref="{|CLG1001:OpenAI.Chat.ChatClient|}"/>.</summary>
        public class C { }
        """);

    [Fact]
    public Task Anthropic_client_usage_is_reported() => Verify("""
        using System.Threading.Tasks;
        using {|CLG1001:Anthropic|};
        using {|CLG1001:Anthropic.Models.Messages|};

        class C
        {
            async Task M()
            {
                {|CLG1001:AnthropicClient|} client = new();
                var parameters = new {|CLG1001:MessageCreateParams|}
                {
                    {|CLG1001:MaxTokens|} = 1024,
                    {|CLG1001:Model|} = "claude-sonnet-4-5",
                    {|CLG1001:Messages|} = [],
                };
                await client.{|CLG1001:Messages|}.{|CLG1001:Create|}(parameters);
            }
        }
        """);

    [Fact]
    public Task Code_that_only_mentions_the_vendors_is_not_reported() => Verify("""
        using System;

        namespace Contoso.OpenAIIntegration;

        // We used to call OpenAI and Claude here; now everything goes through the internal gateway.
        public class OpenAIStyleClient
        {
            public string Claude { get; } = "Claude";
            public string OpenAI = "OpenAI";

            public void Log(string message) => Console.WriteLine($"OpenAI-compatible call: {message} (not Anthropic)");

            public string ChatClient() => nameof(OpenAIStyleClient);
        }
        """);

    [Fact]
    public Task Vendor_neutral_abstractions_are_not_reported() => new AnalyzerTest<BannedSdkUsageAnalyzer>
    {
        Markup = """
            using Microsoft.Extensions.AI;

            class C
            {
                IChatClient? _client;
                ChatMessage Message() => new(ChatRole.User, "hello");
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Extension_methods_are_judged_by_the_assembly_that_defines_them() => Verify("""
        using Microsoft.Extensions.AI;

        class C
        {
            // Anthropic ships AsIChatClient in the vendor-neutral Microsoft.Extensions.AI namespace.
            IChatClient Wrap({|CLG1001:Anthropic.IAnthropicClient|} client) => client.{|CLG1001:AsIChatClient|}("claude-sonnet-4-5");
        }
        """);

    [Fact]
    public Task Unresolved_using_is_judged_by_its_written_name() => new AnalyzerTest<BannedSdkUsageAnalyzer>
    {
        References = TestReferences.Runtime,
        AllowCompilerErrors = true,
        Markup = """
            using {|CLG1001:OpenAI.Chat|};
            using {|CLG1001:Anthropic|};
            using Contoso.Gateway;

            class C { }
            """,
    }.RunAsync();

    [Fact]
    public Task Unresolved_qualified_names_are_judged_by_their_written_name() => new AnalyzerTest<BannedSdkUsageAnalyzer>
    {
        References = TestReferences.Runtime,
        AllowCompilerErrors = true,
        Markup = """
            class C
            {
                {|CLG1001:OpenAI.Chat.ChatClient|}? _client;
                object M() => new {|CLG1001:Anthropic.AnthropicClient|}();
                Microsoft.Extensions.Logging.ILogger? _logger;
                System.Text.StringBuilder _builder = new();
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Own_namespace_named_like_a_vendor_is_not_reported() => new AnalyzerTest<BannedSdkUsageAnalyzer>
    {
        References = TestReferences.Runtime,
        Markup = """
            using OpenAI;

            namespace OpenAI { public class Helper { } }

            class C { OpenAI.Helper? _helper; }
            """,
    }.RunAsync();

    [Fact]
    public Task Policy_can_allow_a_type_inside_a_banned_namespace() => Verify("""
        using {|CLG1001:OpenAI.Chat|};

        class C
        {
            ChatMessage? _allowed;
            {|CLG1001:ChatClient|}? _banned;
        }
        """,
        ("/repo/codeleakguard.policy", "allow type OpenAI.Chat.ChatMessage reason=\"data type only\"\n"));

    [Fact]
    public Task Policy_can_allow_a_whole_provider() => Verify("""
        using OpenAI.Chat;
        using {|CLG1001:Anthropic|};

        class C { ChatClient? _client; }
        """,
        ("/repo/codeleakguard.policy", "allow provider OpenAI\n"));

    [Fact]
    public Task Banned_symbols_lines_ban_source_and_framework_symbols() => Verify("""
        class Legacy { public static void Send() { } }

        class C
        {
            void M()
            {
                {|CLG1001:Legacy.Send|}();
                {|CLG1001:System.Console.Beep|}();
            }
        }
        """,
        ("/repo/codeleakguard.policy", "T:Legacy;Use Contoso.Mail\nM:System.Console.Beep;no noise\n"));

    [Fact]
    public async Task Message_names_the_ban_the_reason_and_what_to_use_instead()
    {
        var test = new AnalyzerTest<BannedSdkUsageAnalyzer>
        {
            Markup = "class C { OpenAI.Chat.ChatClient? _c; }",
            AdditionalFiles = [("/repo/codeleakguard.policy", "set instead=\"Contoso.AI.Gateway\"\n")],
        };

        var diagnostic = Assert.Single(await test.GetDiagnosticsAsync());
        var message = diagnostic.GetMessage();
        Assert.Contains("OpenAI.Chat.ChatClient", message);
        Assert.Contains("assembly 'OpenAI'", message);
        Assert.Contains("hosted AI service", message);
        Assert.Contains("Use Contoso.AI.Gateway instead", message);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public async Task Policy_severity_is_applied()
    {
        var test = new AnalyzerTest<BannedSdkUsageAnalyzer>
        {
            Markup = "class C { OpenAI.Chat.ChatClient? _c; }",
            AdditionalFiles = [("/repo/codeleakguard.policy", "ban namespace OpenAI.Chat severity=warning\n")],
        };

        var diagnostic = Assert.Single(await test.GetDiagnosticsAsync());
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
    }
}
