using CodeLeakGuard.Analyzers.Endpoints;
using CodeLeakGuard.Analyzers.Tests.Verifiers;

namespace CodeLeakGuard.Analyzers.Tests;

public class AiApiKeyVariableAnalyzerTests
{
    [Fact]
    public Task Api_key_variables_are_reported_wherever_they_are_read() => new AnalyzerTest<AiApiKeyVariableAnalyzer>
    {
        References = TestReferences.Runtime,
        Markup = """
            using System;
            using System.Collections.Generic;

            class C
            {
                const string KeyName = {|CLG1005:"GEMINI_API_KEY"|};

                void M(IDictionary<string, string> configuration)
                {
                    var openAi = Environment.GetEnvironmentVariable({|CLG1005:"OPENAI_API_KEY"|});
                    var anthropic = Environment.GetEnvironmentVariable({|CLG1005:"anthropic_api_key"|}, EnvironmentVariableTarget.User);
                    var fromConfig = configuration[{|CLG1005:"MISTRAL_API_KEY"|}];
                    var gemini = Environment.GetEnvironmentVariable(KeyName);
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Mentions_and_other_variables_are_not_reported() => new AnalyzerTest<AiApiKeyVariableAnalyzer>
    {
        References = TestReferences.Runtime,
        Markup = """
            using System;

            class C
            {
                void M()
                {
                    Console.WriteLine("Set OPENAI_API_KEY to use the old client");
                    var path = Environment.GetEnvironmentVariable("PATH");
                    var internalKey = Environment.GetEnvironmentVariable("CONTOSO_AI_KEY");
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Policy_wildcards_and_allowances_apply() => new AnalyzerTest<AiApiKeyVariableAnalyzer>
    {
        References = TestReferences.Runtime,
        AdditionalFiles = [("/repo/codeleakguard.policy", "ban env SHADOW_*_TOKEN\nallow provider OpenAI\n")],
        Markup = """
            using System;

            class C
            {
                string? A = Environment.GetEnvironmentVariable({|CLG1005:"SHADOW_LLM_TOKEN"|});
                string? B = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            }
            """,
    }.RunAsync();
}
