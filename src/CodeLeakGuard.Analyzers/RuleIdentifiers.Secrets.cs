namespace CodeLeakGuard.Analyzers;

public static partial class RuleIdentifiers
{
    public const string HardcodedSecret = "CLG3001";
}

public static partial class RuleCategories
{
    public const string Secrets = "CodeLeakGuard.Secrets";
}
