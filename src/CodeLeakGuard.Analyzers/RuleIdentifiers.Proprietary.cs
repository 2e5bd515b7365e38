namespace CodeLeakGuard.Analyzers;

public static partial class RuleIdentifiers
{
    public const string ProprietaryMarkerMalformed = "CLG2001";
    public const string AiUseInProprietaryCode = "CLG2002";
    public const string ProprietaryDataToAi = "CLG2003";
    public const string ProprietaryRegion = "CLG2004";
}

public static partial class RuleCategories
{
    public const string Proprietary = "CodeLeakGuard.Proprietary";
}
