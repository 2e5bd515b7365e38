namespace CodeLeakGuard.Analyzers;

/// <summary>
/// Every diagnostic id in one place. Ranges: CLG1xxx banned AI usage, CLG2xxx proprietary code, CLG3xxx secrets,
/// CLG9xxx policy-file problems.
/// </summary>
public static partial class RuleIdentifiers
{
    public const string BannedSdkUsage = "CLG1001";
    public const string BannedAssemblyReference = "CLG1002";
    public const string AiEndpoint = "CLG1003";
    public const string AiReflectionLoad = "CLG1004";
    public const string AiApiKeyVariable = "CLG1005";
    public const string BannedPackage = "CLG1010";
    public const string UnusedPackageAllowance = "CLG1011";

    public const string PolicyMalformedLine = CodeLeakGuard.Policy.PolicyDiagnostic.MalformedLineId;
    public const string PolicyIneffectiveLine = CodeLeakGuard.Policy.PolicyDiagnostic.IneffectiveLineId;
    public const string PolicyFileMissing = CodeLeakGuard.Policy.PolicyDiagnostic.MissingFileId;
    public const string RestoreGraphUnreadable = "CLG9004";

    public const string HelpLinkBase = "https://github.com/codeleakguard/codeleakguard/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => HelpLinkBase + id + ".md";
}

public static partial class RuleCategories
{
    public const string BannedAi = "CodeLeakGuard.BannedAI";
    public const string Policy = "CodeLeakGuard.Policy";
}
